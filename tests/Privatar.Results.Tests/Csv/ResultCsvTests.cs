using Xunit;

namespace Privatar.Results.Tests;

public sealed class ResultCsvTests
{
    public static TheoryData<string> FixtureFiles() => new(ResultFamilies.All.Select(f => f.FileName));

    public sealed class TheCanonicalForm
    {
        [Theory]
        [MemberData(nameof(FixtureFiles), MemberType = typeof(ResultCsvTests))]
        public void Should_Rewrite_Every_Fixture_Byte_For_Byte(string fileName)
        {
            // Given a fixture written by the Python generator
            using var tmp = new Repo.TempDir();
            var source = Path.Combine(Repo.FixtureResults, fileName);
            var family = ResultFamilies.ByFileName(fileName)!;
            // When it is read and written back through CsvHelper
            var target = Path.Combine(tmp.Path, fileName);
            family.Canonicalize(source, target);
            // Then the bytes are identical: same columns, order, number text and line endings
            Assert.True(family.Check(source) > 0);
            Assert.Equal(File.ReadAllText(source), File.ReadAllText(target));
        }
    }

    public sealed class TheWriteMethod
    {
        static LatencyRow Row(string config, int? n, string path, double median) => new()
        {
            Variant = n is null ? "baseline" : "partition", Config = config, N = n, Path = path,
            MedianMs = median, P5Ms = median, P95Ms = median, Iterations = 10, Threads = 2, Device = "cpu",
        };

        [Fact]
        public void Should_Sort_Rows_And_Format_Invariantly()
        {
            using var tmp = new Repo.TempDir();
            // Given rows in a scrambled order, with n = 14 before n = 2 (which a string sort would keep)
            var rows = new[] { Row("n14", 14, "headset", 1.5), Row("n2", 2, "cloud", 0.1), Row("default", null, "full", 15.25) };
            // When written
            ResultCsv.Write(ResultFamilies.Latency, tmp.Path, rows);
            var lines = File.ReadAllLines(Path.Combine(tmp.Path, "latency.csv"));
            // Then baseline (no n) comes first, then n ascending numerically, numbers in invariant round-trip text
            Assert.Equal("variant,config,n,path,median_ms,p5_ms,p95_ms,iterations,threads,device,flops_original,macs,params", lines[0]);
            Assert.Equal("baseline,default,,full,15.25,15.25,15.25,10,2,cpu,,,", lines[1]);
            Assert.StartsWith("partition,n2,2,cloud,0.1,", lines[2]);
            Assert.StartsWith("partition,n14,14,headset,1.5,", lines[3]);
            Assert.DoesNotContain('\r', File.ReadAllText(Path.Combine(tmp.Path, "latency.csv")));
        }

        [Fact]
        public void Should_Round_Trip_Doubles_Exactly()
        {
            using var tmp = new Repo.TempDir();
            var value = 0.1 + 0.2; // 0.30000000000000004: needs all 17 digits
            ResultCsv.Write(ResultFamilies.FrequencyCovariance, tmp.Path,
                [new FrequencyCovarianceRow { Fidelity = "corrected", Component = 0, Value = value, Share = 1 }]);
            var back = ResultCsv.Read(ResultFamilies.FrequencyCovariance, tmp.Path);
            Assert.Equal(value, back[0].Value);
        }

        [Fact]
        public void Should_Reject_An_Invalid_Row_Naming_The_Column()
        {
            using var tmp = new Repo.TempDir();
            var bad = Row("n2", 2, "gpu", 1);
            var e = Assert.Throws<ArgumentException>(() => ResultCsv.Write(ResultFamilies.Latency, tmp.Path, [bad]));
            Assert.Contains("column 'path' is 'gpu'; expected one of headset|cloud|full", e.Message);
            Assert.False(File.Exists(Path.Combine(tmp.Path, "latency.csv")));
        }

        [Theory]
        [InlineData("dp-merf", 1.0, "", "column 'noise' is ''; expected one of reproducible|release")]
        [InlineData("dp-merf", 1.0, "seeded", "column 'noise' is 'seeded'; expected one of reproducible|release")]
        [InlineData("real_data", null, "reproducible", "columns 'target_epsilon', 'epsilon', 'delta' and 'noise' must be empty for real_data")]
        public void Should_Require_A_Synthesis_Sets_Noise_Mode_And_None_For_Real_Data(string method, double? target, string noise, string message)
        {
            using var tmp = new Repo.TempDir();
            var row = new SynthesisRow
            {
                Method = method, Dataset = "mnist", TargetEpsilon = target, Epsilon = target, Delta = target is null ? null : 1e-5,
                Classifier = "cnn", Accuracy = 0.5, Noise = noise,
            };
            var e = Assert.Throws<ArgumentException>(() => ResultCsv.Write(ResultFamilies.Synthesis, tmp.Path, [row]));
            Assert.Contains(message, e.Message);
        }

        [Fact]
        public void Should_Reject_NaN()
        {
            using var tmp = new Repo.TempDir();
            var bad = new FrequencyCovarianceRow { Fidelity = "original", Component = 3, Value = double.NaN, Share = 0 };
            var e = Assert.Throws<ArgumentException>(() => ResultCsv.Write(ResultFamilies.FrequencyCovariance, tmp.Path, [bad]));
            Assert.Contains("column 'value' is NaN; expected a finite number", e.Message);
        }
    }

    public sealed class TheReadMethod
    {
        static string WriteText(Repo.TempDir tmp, string text)
        {
            var path = Path.Combine(tmp.Path, "frequency_covariance.csv");
            File.WriteAllText(path, text);
            return path;
        }

        [Fact]
        public void Should_Name_Missing_And_Unknown_Columns()
        {
            using var tmp = new Repo.TempDir();
            var path = WriteText(tmp, "fidelity,component,valu,share,samples\noriginal,0,1,1,9\n");
            var e = Assert.Throws<InvalidDataException>(() => ResultCsv.ReadFile(ResultFamilies.FrequencyCovariance, path));
            Assert.Contains("frequency_covariance.csv:1: missing column(s) value; unknown column(s) valu", e.Message);
        }

        [Fact]
        public void Should_Name_The_Line_Of_A_Bad_Value()
        {
            using var tmp = new Repo.TempDir();
            var path = WriteText(tmp, "fidelity,component,value,share,samples\noriginal,0,1,0.5,9\noriginal,1,abc,0.5,9\n");
            var e = Assert.Throws<InvalidDataException>(() => ResultCsv.ReadFile(ResultFamilies.FrequencyCovariance, path));
            Assert.Contains("frequency_covariance.csv:3:", e.Message);
        }

        [Fact]
        public void Should_Name_The_Line_Of_A_Value_Outside_The_Vocabulary()
        {
            using var tmp = new Repo.TempDir();
            var path = WriteText(tmp, "fidelity,component,value,share,samples\noriginal,0,1,0.5,9\nfaithful,1,2,0.5,9\n");
            var e = Assert.Throws<InvalidDataException>(() => ResultCsv.ReadFile(ResultFamilies.FrequencyCovariance, path));
            Assert.Contains(":3: column 'fidelity' is 'faithful'; expected one of original|corrected", e.Message);
        }

        [Fact]
        public void Should_Say_Which_File_Is_Missing()
        {
            var e = Assert.Throws<FileNotFoundException>(() => ResultCsv.Read(ResultFamilies.Attacks, "/nonexistent-dir"));
            Assert.Contains("attacks.csv does not exist", e.Message);
        }
    }
}
