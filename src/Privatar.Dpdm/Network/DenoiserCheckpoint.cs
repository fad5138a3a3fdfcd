using Privatar.Core;
using Privatar.Dpdm.Diffusion;
using Privatar.DpSgd.Runs;
using Privatar.Torch;

namespace Privatar.Dpdm.Network;

/// <summary>What a saved denoiser needs to be rebuilt: the U-Net's shape and the preconditioning it was trained under.</summary>
public sealed record DenoiserRecord(UNetConfig Network, string Parameterisation)
{
    public Parameterisation Kind(string where) =>
        Enum.TryParse<Parameterisation>(Parameterisation, ignoreCase: false, out var k) && Enum.IsDefined(k) ? k
        : throw new InvalidDataException($"{where}: parameterisation '{Parameterisation}', expected one of {string.Join(", ", Enum.GetNames<Parameterisation>())}");
}

/// <summary>
/// A trained denoiser (the released EMA weights) as two files in a set's folder: the TorchSharp state dict and a JSON
/// record of its shape. Sampling is post-processing of a DP release, so more sets drawn from it cost no privacy.
/// </summary>
public static class DenoiserCheckpoint
{
    public const string WeightsFile = "denoiser.pt";
    public const string RecordFile = "denoiser.json";
    public static readonly string[] FileNames = [WeightsFile, RecordFile];

    /// <summary>Writes both files into <paramref name="dir"/>, each atomically; <paramref name="weights"/> as <see cref="ModuleFiles.Bytes"/> gives them.</summary>
    public static void Write(string dir, byte[] weights, UNetConfig config, Parameterisation kind)
    {
        Directory.CreateDirectory(dir);
        AtomicFile.WriteAllBytes(Path.Combine(dir, WeightsFile), weights);
        RunFiles.WriteJson(Path.Combine(dir, RecordFile), new DenoiserRecord(config, kind.ToString()));
    }

    /// <summary>The denoiser saved in <paramref name="dir"/>; the caller disposes its network.</summary>
    public static Denoiser Read(string dir)
    {
        var recordPath = Path.Combine(dir, RecordFile);
        if (!File.Exists(recordPath)) throw new FileNotFoundException($"{recordPath}: denoiser record not found (a DPDM release writes it beside denoiser.pt)", recordPath);
        DenoiserRecord record;
        try { record = RunFiles.ReadJson<DenoiserRecord>(recordPath); }
        catch (System.Text.Json.JsonException e) { throw new InvalidDataException($"{recordPath}: {e.Path}: {e.Message}", e); }
        if (record.Network is null) throw new InvalidDataException($"{recordPath}: no 'network' object");
        if (record.Network.ChannelMultipliers is null || record.Network.AttentionResolutions is null)
            throw new InvalidDataException($"{recordPath}: network: 'channel_multipliers' and 'attention_resolutions' are required");
        var kind = record.Kind(recordPath);
        try { record.Network.Validate(); }
        catch (ArgumentException e) { throw new InvalidDataException($"{recordPath}: network: {e.Message}", e); }

        var weights = Path.Combine(dir, WeightsFile);
        if (!File.Exists(weights)) throw new FileNotFoundException($"{weights}: denoiser weights not found", weights);
        var network = new UNet(record.Network, seed: 0);   // every parameter is overwritten by the load
        try
        {
            using var s = File.OpenRead(weights);
            network.load(s, strict: true);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or FormatException or InvalidOperationException)
        {
            network.Dispose();
            throw new InvalidDataException($"{weights}: not the state dict of the U-Net {recordPath} describes ({e.GetType().Name}: {e.Message})", e);
        }
        network.eval();
        return new Denoiser(network, kind);
    }
}
