using Privatar.Noise;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps.Noise;

/// <summary>
/// The two [noise] lists that the Noise, NoisyInference and Attack steps expand into units: their keys, their
/// declaration and their checked values have this one home, so every step reads and refuses them the same way.
/// </summary>
public static class NoiseLists
{
    public const string FidelitiesKey = "noise.fidelities";
    public const string MiBoundsKey = "noise.mi_bounds";

    /// <summary>K, the candidates a corrected PSR counts, and the corrected DP clip bound: read by the Noise step's units and the attacks'.</summary>
    public const string ClassesKey = "noise.classes";
    public const string ClipBoundKey = "noise.dp_clip_bound";

    /// <summary>Both lists, as each step that expands them declares them.</summary>
    public static ParamSpec[] Params =>
        [P.StringList(FidelitiesKey).OneOf([.. Enum.GetValues<NoiseFidelity>().Select(f => f.Name())]), P.DoubleList(MiBoundsKey).Above(0)];

    /// <summary>The fidelities in their configured order (the first is the headline one), each listed once.</summary>
    public static IReadOnlyList<NoiseFidelity> Fidelities(ParamValues p)
    {
        var list = p.StringList(FidelitiesKey).Select(f => NoiseFidelityText.Parse(f, "[noise] fidelities")).ToList();
        if (list.Distinct().Count() != list.Count) throw new ArgumentException($"[noise] fidelities: each fidelity may be listed once, got {p.Text(FidelitiesKey)}");
        return list;
    }

    /// <summary>The MI bounds in nats, each positive and distinct as its file names spell it.</summary>
    public static IReadOnlyList<double> MiBounds(ParamValues p)
    {
        var list = p.DoubleList(MiBoundsKey);
        if (list.Any(m => !(m > 0)))
            throw new ArgumentException($"[noise] mi_bounds: every bound must be a positive number of nats, got {p.Text(MiBoundsKey)}");
        if (list.Select(NoiseFileNames.Mi).Distinct().Count() != list.Count)
            throw new ArgumentException($"[noise] mi_bounds: each bound may be listed once, got {p.Text(MiBoundsKey)}");
        return list;
    }
}
