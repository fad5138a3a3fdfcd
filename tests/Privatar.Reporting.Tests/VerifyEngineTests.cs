using Privatar.Results;
using Xunit;

namespace Privatar.Reporting.Tests;

public sealed class VerifyEngineTests
{
    static string Table(string profile) => Path.Combine(Repo.Root, "verify", $"expected-{profile}.csv");

    public sealed class TheRunMethod
    {
        [Theory]
        [InlineData("smoke")]
        [InlineData("functional")]
        public void Should_Pass_The_Profile_Tables_On_The_Fixtures(string profile)
        {
            using var fx = new FixtureCopy();
            var results = VerifyEngine.Run(Table(profile), fx.Results);
            Assert.All(results, r => Assert.True(r.Passed, $"{r.Claim.Id}: {r.Message}"));
            Assert.Equal($"{results.Count} passed, 0 failed", VerifyEngine.Summary(results));
        }

        [Fact]
        public void Should_Catch_A_Seeded_Wrong_Value()
        {
            // Given fixture results where the DC component no longer carries most of the variance
            using var fx = new FixtureCopy();
            var rows = ResultCsv.Read(ResultFamilies.FrequencyCovariance, fx.Results)
                .Select(r => r is { Fidelity: "corrected", Component: 0 } ? r with { Share = 0.3 } : r);
            ResultCsv.Write(ResultFamilies.FrequencyCovariance, fx.Results, rows);
            // When the smoke table is verified
            var results = VerifyEngine.Run(Table("smoke"), fx.Results);
            // Then exactly that claim fails, saying what was measured
            var failed = Assert.Single(results, r => !r.Passed);
            Assert.Equal("low_freq_most_variance", failed.Claim.Id);
            Assert.Equal("0.3 is not ≥ 0.5", failed.Message);
            Assert.Equal($"{results.Count - 1} passed, 1 failed", VerifyEngine.Summary(results));
        }

        [Fact]
        public void Should_Catch_A_Broken_Ordering()
        {
            // Given a noisy-inference table where the strongest noise lowers the loss
            using var fx = new FixtureCopy();
            var rows = ResultCsv.Read(ResultFamilies.NoisyInference, fx.Results)
                .Select(r => r is { Mechanism: "pac", Mi: 0.01 } ? r with { ScreenMse = r.ScreenMse / 10 } : r);
            ResultCsv.Write(ResultFamilies.NoisyInference, fx.Results, rows);
            var failed = Assert.Single(VerifyEngine.Run(Table("smoke"), fx.Results), r => !r.Passed);
            Assert.Equal("noise_raises_loss_pac", failed.Claim.Id);
            Assert.StartsWith("screen_mse rises from ", failed.Message);
        }

        [Fact]
        public void Should_Catch_An_Audited_Lower_Bound_Above_The_Accountants_Epsilon_Row_By_Row()
        {
            // Given an audit table where one DP run's ε_lower exceeds its own ε (the non-private row has no ε: no bound)
            using var fx = new FixtureCopy();
            var rows = ResultCsv.Read(ResultFamilies.PrivacyAudit, fx.Results)
                .Select(r => r.Run == "epsilon3" ? r with { EpsilonLower = r.Epsilon!.Value + 0.5 } : r);
            ResultCsv.Write(ResultFamilies.PrivacyAudit, fx.Results, rows);
            // When the smoke table is verified, then exactly that claim fails, naming the row
            var failed = Assert.Single(VerifyEngine.Run(Table("smoke"), fx.Results), r => !r.Passed);
            Assert.Equal("audit_lower_below_upper", failed.Claim.Id);
            Assert.EndsWith(":2: epsilon_lower 3.4987 is not ≤ epsilon 2.9987", failed.Message);
        }

        [Fact]
        public void Should_Fail_A_Claim_Whose_Table_Is_Missing()
        {
            using var fx = new FixtureCopy();
            File.Delete(Path.Combine(fx.Results, "attacks.csv"));
            var results = VerifyEngine.Run(Table("smoke"), fx.Results);
            Assert.All(results.Where(r => r.Claim.Source == "attacks.csv"), r => Assert.StartsWith("missing ", r.Message));
            Assert.Contains(results, r => !r.Passed);
        }

        [Fact]
        public void Should_Catch_A_Synthetic_Set_Above_The_Real_Data_Row()
        {
            // Given a synthesis table where DP-MERF's CNN on Fashion-MNIST at ε = 10 beats the real-data CNN
            using var fx = new FixtureCopy();
            var rows = ResultCsv.Read(ResultFamilies.Synthesis, fx.Results)
                .Select(r => r is { Method: "dp-merf", Dataset: "fashion_mnist", TargetEpsilon: 10, Classifier: "cnn" } ? r with { Accuracy = 0.99 } : r);
            ResultCsv.Write(ResultFamilies.Synthesis, fx.Results, rows);
            var failed = Assert.Single(VerifyEngine.Run(Table("functional"), fx.Results), r => !r.Passed);
            Assert.Equal("synthesis_below_real_data", failed.Claim.Id);
            Assert.Contains("accuracy 0.99 is not ≤ 0.86 of method=real_data", failed.Message);
        }

        [Fact]
        public void Should_Load_The_Full_Table()
        {
            var claims = Claim.Load(Table("full"));
            Assert.Contains(claims, c => c.Id == "flops_n2" && c.Expected == "6.07e9");
            Assert.All(claims, c => Assert.False(string.IsNullOrWhiteSpace(c.ToleranceNote) && c.Tolerance.Length > 0, $"{c.Id} has a tolerance without a note"));
        }
    }

    public sealed class TheCheckMethod
    {
        static RawTable Csv(Repo.TempDir tmp, string text)
        {
            var p = Path.Combine(tmp.Path, "t.csv");
            File.WriteAllText(p, text);
            return RawTable.Load(p);
        }

        static Claim C(string selector, string column, ClaimKind kind, string expected, string tol = "") =>
            new("c", "", "test_metrics.csv", selector, column, kind, expected, tol, "", "t.csv:2");

        [Theory]
        [InlineData("a=1", "v", ClaimKind.Approx, "10.4", "0.5", true)]
        [InlineData("a=1", "v", ClaimKind.Approx, "10.4", "1%", false)]
        [InlineData("a=1|2", "max(v)", ClaimKind.AtMost, "20", "", true)]
        [InlineData("a=1|2", "mean(v)", ClaimKind.Between, "14..16", "", true)]
        [InlineData("", "count()", ClaimKind.Approx, "3", "", true)]
        [InlineData("b=", "v", ClaimKind.AtLeast, "31", "", false)]
        [InlineData("", "v", ClaimKind.Order, "rises with a", "", true)]
        [InlineData("", "v", ClaimKind.Order, "falls with a", "", false)]
        public void Should_Compare_As_The_Kind_Says(string selector, string column, ClaimKind kind, string expected, string tol, bool passes)
        {
            using var tmp = new Repo.TempDir();
            var t = Csv(tmp, "a,b,v\n1,x,10\n2,y,20\n3,,30\n");
            Assert.Equal(passes, ClaimChecker.Check(C(selector, column, kind, expected, tol), t).Passed);
        }

        [Theory]
        [InlineData("m=dp;c=x", "v", ClaimKind.AtMost, "", true)]    // each DP row at most its (d, c) reference
        [InlineData("m=dp;c=x", "v", ClaimKind.AtLeast, "", false)]
        [InlineData("m=dp;d=2", "v", ClaimKind.AtMost, "", true)]
        [InlineData("m=dp", "v", ClaimKind.AtMost, "", false)]       // (1, y): its reference is 25, it has 26
        [InlineData("m=dp", "v", ClaimKind.AtMost, "1", true)]       // within the tolerance
        public void Should_Bound_Each_Row_By_Its_Reference_Row(string selector, string column, ClaimKind kind, string tol, bool passes)
        {
            using var tmp = new Repo.TempDir();
            var t = Csv(tmp, "m,d,c,v\nreal,1,x,90\nreal,2,x,80\nreal,1,y,25\ndp,1,x,70\ndp,2,x,79\ndp,1,y,26\n");
            var r = ClaimChecker.Check(C(selector, column, kind, "ref(m=real by d,c)", tol), t);
            Assert.Equal(passes, r.Passed);
            if (!passes && kind == ClaimKind.AtMost) Assert.EndsWith(":7: v 26 is not ≤ 25 of m=real (" + t.Path + ":4)", r.Message);
        }

        [Fact]
        public void Should_Fail_A_Row_Without_Its_Reference_Row()
        {
            using var tmp = new Repo.TempDir();
            var t = Csv(tmp, "m,d,v\nreal,1,90\ndp,1,70\ndp,2,60\n");
            var r = ClaimChecker.Check(C("m=dp", "v", ClaimKind.AtMost, "ref(m=real by d)"), t);
            Assert.False(r.Passed);
            Assert.EndsWith(":4: no row of m=real with d=2", r.Message);
            Assert.Contains("must read ref(<selector> by <key column>,...)",
                Assert.Throws<FormatException>(() => ClaimChecker.Validate(C("m=dp", "v", ClaimKind.AtMost, "ref(m=real)"))).Message);
        }

        [Fact]
        public void Should_Refuse_An_Ambiguous_Selection()
        {
            using var tmp = new Repo.TempDir();
            var t = Csv(tmp, "a,v\n1,10\n1,20\n");
            var r = ClaimChecker.Check(C("a=1", "v", ClaimKind.Approx, "10"), t);
            Assert.Equal("2 rows match the selector; narrow it or aggregate (min/max/mean/sum/last)", r.Message);
        }

        [Fact]
        public void Should_Name_The_File_And_Line_Of_A_Bad_Claim()
        {
            using var tmp = new Repo.TempDir();
            var p = Path.Combine(tmp.Path, "expected.csv");
            File.WriteAllText(p, string.Join(",", Claim.Header) + "\nx,ref,latency.csv,,median_ms,roughly,1,,\n");
            var e = Assert.Throws<FormatException>(() => Claim.Load(p));
            Assert.Equal($"{p}:2: kind 'roughly' is unknown; expected approx, <=, >=, between, order or exists", e.Message);
        }
    }
}
