using Privatar.Core;
using Privatar.Noise;
using Privatar.Pipeline.Specs;
using Privatar.Results;

namespace Privatar.Steps.Noise;

/// <summary>
/// A latent whose noise is generated, where it is read from, and whether PAC covers it (DP always does). Latents is
/// our Evaluate step's <c>.npy</c>, or <c>&lt;folder&gt;/&lt;stem&gt;</c> for the original's <c>&lt;stem&gt;_k.pth</c> batches
/// ([noise] original_latents); <see cref="Files"/> are the files read, listed when the plan is made.
/// </summary>
public sealed record NoiseSource(NoiseTarget Target, string Latents, bool Pac)
{
    public static bool IsNpy(string path) => path.EndsWith(".npy", StringComparison.Ordinal);

    public IReadOnlyList<string> Files { get; } = IsNpy(Latents) ? [Latents]
        : PthLatents.Files(Path.GetDirectoryName(Latents)!, Path.GetFileName(Latents)).Select(f => f.Replace('\\', '/')).ToList();
}

/// <summary>
/// The Noise step's units of one fidelity, all writing into noise/&lt;fidelity&gt;/ (see <see cref="NoiseStep"/>). Each unit
/// declares only the keys its computation reads: the original's loader quirk needs test.batch_size; corrected DP needs
/// noise.classes and noise.dp_clip_bound; corrected PAC needs noise.classes only to name the PSR in its summary row.
/// </summary>
public sealed class NoiseUnits(PlanContext ctx, NoiseFidelity fidelity)
{
    readonly string _dir = AvatarSteps.NoiseDir(ctx, fidelity.Name());
    readonly bool _original = fidelity == NoiseFidelity.Original;

    string Name => fidelity.Name();
    string File(string relative) => AvatarSteps.NoiseFile(ctx, Name, relative);

    /// <summary>The one-row noise_summary.csv slice of a per-bound unit.</summary>
    public string Slice(string unitId) => $"{_dir}/summary/{unitId}.csv";

    string[] AssemblyKeys => _original ? ["test.batch_size"] : [];
    double[,] Latents(UnitContext u, NoiseSource s) => NoiseWork.Latents(u.PathOf(s.Latents), fidelity, _original ? u.Params.Int("test.batch_size") : 0);

    public UnitSpec L2Norm(NoiseSource s) => new($"{Name}_l2norm_{s.Target}")
    {
        Inputs = s.Files,
        Outputs = [.. NoiseFileNames.DpStatisticsOutputs(s.Target).Select(File)],
        Params = AssemblyKeys,
        Command = UnitCommand.InProcess(u =>
        {
            var norm = NoiseArtifacts.WriteL2Norm(u.PathOf(_dir), s.Target, Latents(u, s));
            u.Log.Info($"{s.Target} ({Name}): ||Z||_F = {norm:G6}");
        }),
    };

    public UnitSpec Svd(NoiseSource s) => new($"{Name}_svd_{s.Target}")
    {
        Inputs = s.Files,
        Outputs = [.. NoiseFileNames.PacStatisticsOutputs(s.Target).Select(File)],
        Params = AssemblyKeys,
        Command = UnitCommand.InProcess(u =>
        {
            var z = Latents(u, s);
            var spectrum = NoiseArtifacts.WritePacStatistics(u.PathOf(_dir), s.Target, z);
            u.Log.Info($"{s.Target} ({Name}): {z.GetLength(0)} x {z.GetLength(1)} latents, trace of covariance {spectrum.S.Sum():G6}, largest eigenvalue {spectrum.S[0]:G6}");
        }),
    };

    public UnitSpec Dp(NoiseSource s, double mi)
    {
        var id = $"{Name}_dp_{s.Target}_mi{NoiseFileNames.Mi(mi)}";
        var file = File(NoiseFileNames.DpNoise(s.Target, mi));
        return new(id)
        {
            Inputs = s.Files,
            Outputs = [file, Slice(id)],
            Params = _original ? AssemblyKeys : [NoiseLists.ClassesKey, NoiseLists.ClipBoundKey],
            Command = UnitCommand.InProcess(u =>
            {
                var options = _original
                    ? new DpNoiseOptions(fidelity, OriginalArtifact.EquationClasses, 0)
                    : new DpNoiseOptions(fidelity, u.Params.Int(NoiseLists.ClassesKey), u.Params.Double(NoiseLists.ClipBoundKey));
                if (_original && OriginalArtifact.HardCodedPsr(mi) is null)
                    u.Log.Warning($"MI {mi}: the original hard-codes no PSR for it; using its own equation's root for K = 65 ({OriginalArtifact.PsrFor(mi):G6})");
                var row = NoiseWork.WriteDp(u.PathOf(_dir), s.Target, Latents(u, s), mi, options, Relative(file));
                ResultCsv.WriteFile(ResultFamilies.NoiseSummary, u.PathOf(Slice(id)), [row]);
                u.Log.Info($"{s.Target} DP ({Name}) MI {mi}: PSR {row.Psr:G4}, sensitivity {row.Sensitivity:G6}, sigma/sensitivity {row.NoiseMultiplier:G6}, file value {row.NoiseMax:G6}");
            }),
        };
    }

    /// <summary>Reads only the eigenvalues its target's <see cref="Svd"/> unit wrote (consumers of corrected noise also read u).</summary>
    public UnitSpec Pac(NoiseSource s, double mi)
    {
        var id = $"{Name}_pac_{s.Target}_mi{NoiseFileNames.Mi(mi)}";
        var file = File(NoiseFileNames.PacNoise(s.Target, mi));
        var eigenvalues = File(NoiseFileNames.SvdS(s.Target));
        return new(id)
        {
            Inputs = [eigenvalues],
            Outputs = [file, Slice(id)],
            Params = _original ? [] : [NoiseLists.ClassesKey],
            Command = UnitCommand.InProcess(u =>
            {
                var classes = _original ? OriginalArtifact.EquationClasses : u.Params.Int(NoiseLists.ClassesKey);
                var lambda = Npy.Read(u.PathOf(eigenvalues)).ToDoubles();
                var row = NoiseWork.WritePac(u.PathOf(_dir), s.Target, lambda, mi, fidelity, classes, Relative(file));
                ResultCsv.WriteFile(ResultFamilies.NoiseSummary, u.PathOf(Slice(id)), [row]);
                u.Log.Info($"{s.Target} PAC ({Name}) MI {mi}: sum of noise variances {row.NoiseSum:G6}, largest {row.NoiseMax:G6}");
            }),
        };
    }

    /// <summary>The files the radar vectors of one offloaded target read under this fidelity.</summary>
    public IEnumerable<string> VectorInputs(NoiseSource s, IEnumerable<double> mis) =>
        s.Files.Concat([File(NoiseFileNames.Covariance(s.Target)), File(NoiseFileNames.SvdU(s.Target))])
            .Concat(mis.SelectMany(mi => new[] { File(NoiseFileNames.DpNoise(s.Target, mi)), File(NoiseFileNames.PacNoise(s.Target, mi)) }));

    /// <summary>A path in the profile tree, relative to the tree (as the summary table's file column names it).</summary>
    string Relative(string path) => path[(ctx.ArtifactRoot.Length + 1)..];
}
