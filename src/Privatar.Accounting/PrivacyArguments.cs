using System.Globalization;

namespace Privatar.Accounting;

/// <summary>
/// Checks user-supplied accountant settings and names the offending option and its valid range, so that
/// the CLI (and config readers) can report errors the user can fix.
/// </summary>
public static class PrivacyArguments
{
    public static double NoiseMultiplier(double value, string option = "--sigma") =>
        value >= 0 && !double.IsInfinity(value) ? value : Fail(option, value, "a finite noise multiplier ≥ 0");

    public static double SampleRate(double value, string option = "--sample-rate") =>
        value > 0 && value <= 1 ? value : Fail(option, value, "a sampling rate q in (0, 1]");

    public static double Delta(double value, string option = "--delta") =>
        value > 0 && value < 1 ? value : Fail(option, value, "a δ in (0, 1), typically below 1/N (e.g. 1e-5)");

    public static double Epsilon(double value, string option = "--epsilon") =>
        value > 0 && !double.IsInfinity(value) ? value : Fail(option, value, "a finite target ε > 0");

    public static double Epochs(double value, string option = "--epochs") =>
        value > 0 && !double.IsInfinity(value) ? value : Fail(option, value, "a finite number of epochs > 0");

    public static long Steps(long value, string option = "--steps") =>
        value >= 1 ? value : throw new ArgumentException($"{option}: expected a step count ≥ 1, got {value.ToString(CultureInfo.InvariantCulture)}.");

    static double Fail(string option, double value, string expected) =>
        throw new ArgumentException($"{option}: expected {expected}, got {value.ToString("R", CultureInfo.InvariantCulture)}.");
}
