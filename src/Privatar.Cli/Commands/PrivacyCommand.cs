using System.CommandLine;
using Privatar.Accounting;
using Privatar.Contracts.Verbs;
using Privatar.Core;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar privacy epsilon|sigma</c>: the DP-SGD accountants (RDP, PRV) and noise calibration.</summary>
public static class PrivacyCommand
{
    /// <summary>Opacus's PRV ε error, used when --eps-error is absent.</summary>
    const double DefaultEpsError = 0.01;

    public static void Register(RootCommand root)
    {
        var group = CliRunner.GetOrAddGroup(root, "privacy", "Privacy accounting and bounds");
        group.Subcommands.Add(ContractCommand.Build<PrivacyEpsilonArgs>(Epsilon));
        group.Subcommands.Add(ContractCommand.Build<PrivacySigmaArgs>(Sigma));
    }

    static AccountantOptions Accountant(string accountant, string? conversion, double? epsError)
    {
        var err = epsError ?? DefaultEpsError;
        if (!(err > 0 && err < 1)) throw new ArgumentException($"--eps-error: expected a value in (0, 1), got {Invariant.Format(err)}.");
        return new AccountantOptions(AccountantOptions.ParseKind(accountant), AccountantOptions.ParseConversion(conversion ?? "improved"), err);
    }

    static int Epsilon(PrivacyEpsilonArgs a)
    {
        var options = Accountant(a.Accountant, a.Conversion, a.EpsError);
        double s = PrivacyArguments.NoiseMultiplier(a.Sigma);
        double q = PrivacyArguments.SampleRate(a.SampleRate);
        long t = PrivacyArguments.Steps(a.Steps);
        double d = PrivacyArguments.Delta(a.Delta);
        if (options.Kind == AccountantKind.Rdp)
        {
            var acc = new RdpAccountant(options.Conversion);
            acc.Step(s, q, t);
            var r = acc.GetEpsilonDetail(d);
            Console.Out.WriteLine(Invariant.Format(r.Epsilon));
            if (r.AtGridEdge)
                Console.Error.WriteLine($"note: the optimal RDP order {Invariant.Format(r.Order)} is at the edge of the order grid; ε may be loose.");
        }
        else
        {
            var acc = new PrvAccountant(options.PrvEpsError);
            acc.Step(s, q, t);
            var b = acc.GetEpsilonBounds(d);
            Console.Out.WriteLine(Invariant.Format(b.Upper));
            Console.Error.WriteLine($"note: PRV bounds lower {Invariant.Format(b.Lower)}, estimate {Invariant.Format(b.Estimate)}, upper {Invariant.Format(b.Upper)} (printed).");
        }
        return 0;
    }

    static int Sigma(PrivacySigmaArgs a)
    {
        var options = Accountant(a.Accountant, a.Conversion, a.EpsError);
        double e = PrivacyArguments.Epsilon(a.Epsilon);
        double q = PrivacyArguments.SampleRate(a.SampleRate);
        double d = PrivacyArguments.Delta(a.Delta);
        if (a.Epochs.HasValue == a.Steps.HasValue) throw new ArgumentException("--epochs / --steps: give exactly one of them.");
        long t = a.Steps is { } st ? PrivacyArguments.Steps(st) : NoiseMultiplier.StepsForEpochs(PrivacyArguments.Epochs(a.Epochs!.Value), q);
        double sigma = (a.Search ?? SigmaSearch.Precise) switch
        {
            SigmaSearch.Precise => NoiseMultiplier.ForEpsilon(e, d, q, t, options),
            _ => NoiseMultiplier.ForEpsilonOpacus(e, d, q, t, options),
        };
        Console.Out.WriteLine(Invariant.Format(sigma));
        return 0;
    }
}
