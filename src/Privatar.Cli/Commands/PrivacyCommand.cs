using System.CommandLine;
using Privatar.Accounting;
using Privatar.Core;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar privacy epsilon|sigma</c>: the DP-SGD accountants (RDP, PRV) and noise calibration.</summary>
public static class PrivacyCommand
{
    public static void Register(RootCommand root)
    {
        var group = CliRunner.GetOrAddGroup(root, "privacy", "Privacy accounting and bounds");
        group.Subcommands.Add(Epsilon());
        group.Subcommands.Add(Sigma());
    }

    static Option<string> AccountantOption() => new("--accountant") { Description = "rdp (Rényi DP, Opacus's RDPAccountant) or prv (Gopi et al. numerical composition)", Required = true };

    static Option<string> ConversionOption() => new("--conversion") { Description = "RDP to (ε, δ): improved (Balle et al. 2020, Opacus) or classic (TF Privacy tutorials)", DefaultValueFactory = _ => "improved" };

    static Option<double> EpsErrorOption() => new("--eps-error") { Description = "PRV only: allowed ε error, added to the reported upper bound", DefaultValueFactory = _ => 0.01 };

    static AccountantOptions ReadAccountant(ParseResult parse, Option<string> accountant, Option<string> conversion, Option<double> epsError)
    {
        double err = parse.GetValue(epsError);
        if (!(err > 0 && err < 1)) throw new ArgumentException($"--eps-error: expected a value in (0, 1), got {Invariant.Format(err)}.");
        return new AccountantOptions(AccountantOptions.ParseKind(parse.GetValue(accountant)!), AccountantOptions.ParseConversion(parse.GetValue(conversion)!), err);
    }

    static Command Epsilon()
    {
        var sigma = new Option<double>("--sigma") { Description = "noise multiplier σ (noise std / clipping norm)", Required = true };
        var rate = new Option<double>("--sample-rate") { Description = "Poisson sampling rate q = expected batch / dataset size", Required = true };
        var steps = new Option<long>("--steps") { Description = "number of DP-SGD steps", Required = true };
        var delta = new Option<double>("--delta") { Description = "target δ", Required = true };
        var (accountant, conversion, epsError) = (AccountantOption(), ConversionOption(), EpsErrorOption());
        var cmd = new Command("epsilon", "Print the ε spent by `steps` Poisson-subsampled Gaussian steps at (σ, q), for δ")
        {
            sigma, rate, steps, delta, accountant, conversion, epsError,
        };
        cmd.SetAction(parse =>
        {
            var options = ReadAccountant(parse, accountant, conversion, epsError);
            double s = PrivacyArguments.NoiseMultiplier(parse.GetValue(sigma));
            double q = PrivacyArguments.SampleRate(parse.GetValue(rate));
            long t = PrivacyArguments.Steps(parse.GetValue(steps));
            double d = PrivacyArguments.Delta(parse.GetValue(delta));
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
        });
        return cmd;
    }

    static Command Sigma()
    {
        var epsilon = new Option<double>("--epsilon") { Description = "target ε", Required = true };
        var rate = new Option<double>("--sample-rate") { Description = "Poisson sampling rate q", Required = true };
        var epochs = new Option<double?>("--epochs") { Description = "training epochs; steps = int(epochs / q) as in Opacus" };
        var steps = new Option<long?>("--steps") { Description = "number of steps (instead of --epochs)" };
        var delta = new Option<double>("--delta") { Description = "target δ", Required = true };
        var search = new Option<string>("--search") { Description = "precise (Brent root, smallest safe σ) or opacus (get_noise_multiplier's bisection, ε tolerance 0.01)", DefaultValueFactory = _ => "precise" };
        var (accountant, conversion, epsError) = (AccountantOption(), ConversionOption(), EpsErrorOption());
        var cmd = new Command("sigma", "Print the noise multiplier σ that reaches a target ε at δ for the given q and epochs (or steps)")
        {
            epsilon, rate, epochs, steps, delta, accountant, conversion, epsError, search,
        };
        cmd.SetAction(parse =>
        {
            var options = ReadAccountant(parse, accountant, conversion, epsError);
            double e = PrivacyArguments.Epsilon(parse.GetValue(epsilon));
            double q = PrivacyArguments.SampleRate(parse.GetValue(rate));
            double d = PrivacyArguments.Delta(parse.GetValue(delta));
            var (ep, st) = (parse.GetValue(epochs), parse.GetValue(steps));
            if (ep.HasValue == st.HasValue) throw new ArgumentException("--epochs / --steps: give exactly one of them.");
            long t = st.HasValue ? PrivacyArguments.Steps(st.Value) : NoiseMultiplier.StepsForEpochs(PrivacyArguments.Epochs(ep!.Value), q);
            double sigma = parse.GetValue(search)!.Trim().ToLowerInvariant() switch
            {
                "precise" => NoiseMultiplier.ForEpsilon(e, d, q, t, options),
                "opacus" => NoiseMultiplier.ForEpsilonOpacus(e, d, q, t, options),
                var other => throw new ArgumentException($"--search: expected 'precise' or 'opacus', got '{other}'."),
            };
            Console.Out.WriteLine(Invariant.Format(sigma));
            return 0;
        });
        return cmd;
    }
}
