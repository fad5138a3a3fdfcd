namespace Privatar.Accounting;

/// <summary>Which accountant to use and how it converts to (ε, δ); a factory for fresh accountants.</summary>
/// <param name="Kind">RDP or PRV.</param>
/// <param name="Conversion">RDP → (ε, δ) conversion (ignored by PRV).</param>
/// <param name="PrvEpsError">PRV ε error (ignored by RDP); Opacus's default 0.01.</param>
public sealed record AccountantOptions(
    AccountantKind Kind = AccountantKind.Rdp,
    RdpConversion Conversion = RdpConversion.Improved,
    double PrvEpsError = 0.01)
{
    public IPrivacyAccountant Create() => Kind switch
    {
        AccountantKind.Rdp => new RdpAccountant(Conversion),
        AccountantKind.Prv => new PrvAccountant(PrvEpsError),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown accountant"),
    };

    /// <summary>ε after <paramref name="steps"/> steps at (σ, q), at <paramref name="delta"/>.</summary>
    public double Epsilon(double noiseMultiplier, double sampleRate, long steps, double delta)
    {
        var acc = Create();
        acc.Step(noiseMultiplier, sampleRate, steps);
        return acc.GetEpsilon(delta);
    }

    /// <summary>Parses "rdp" / "prv" (case-insensitive).</summary>
    public static AccountantKind ParseKind(string text, string optionName = "--accountant") => text.Trim().ToLowerInvariant() switch
    {
        "rdp" => AccountantKind.Rdp,
        "prv" => AccountantKind.Prv,
        _ => throw new ArgumentException($"{optionName}: expected 'rdp' or 'prv', got '{text}'."),
    };

    /// <summary>Parses "improved" / "classic" (case-insensitive).</summary>
    public static RdpConversion ParseConversion(string text, string optionName = "--conversion") => text.Trim().ToLowerInvariant() switch
    {
        "improved" => RdpConversion.Improved,
        "classic" => RdpConversion.Classic,
        _ => throw new ArgumentException($"{optionName}: expected 'improved' or 'classic', got '{text}'."),
    };
}
