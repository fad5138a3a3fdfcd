namespace Privatar.Noise;

/// <summary>
/// Which computation a noise step performs: <see cref="Original"/> reproduces the original scripts' numbers,
/// quirks included; <see cref="Corrected"/> does what the paper and the cited theory describe.
/// </summary>
public enum NoiseFidelity { Original, Corrected }

public static class NoiseFidelityText
{
    public static NoiseFidelity Parse(string text, string key = "fidelity") => text.Trim().ToLowerInvariant() switch
    {
        "original" => NoiseFidelity.Original,
        "corrected" => NoiseFidelity.Corrected,
        _ => throw new ArgumentException($"{key}: expected 'original' or 'corrected', got '{text}'"),
    };

    public static string Name(this NoiseFidelity fidelity) => fidelity == NoiseFidelity.Original ? "original" : "corrected";
}
