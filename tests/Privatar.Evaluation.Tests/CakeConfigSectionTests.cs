using Privatar.Evaluation.Capacity;
using Privatar.Evaluation.Latency;
using Xunit;

namespace Privatar.Evaluation.Tests;

/// <summary>The [latency] and [capacity] sections shipped in cake.config parse, and hold the documented defaults.</summary>
public sealed class CakeConfigSectionTests
{
    static Dictionary<string, string> Section(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "cake.config"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var result = new Dictionary<string, string>();
        var inSection = false;
        foreach (var raw in File.ReadLines(Path.Combine(dir!.FullName, "cake.config")))
        {
            var line = raw.Trim();
            if (line.StartsWith('[')) { inSection = line == $"[{name}]"; continue; }
            if (!inSection || line.Length == 0 || line.StartsWith(';')) continue;
            var eq = line.IndexOf('=');
            result[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        Assert.NotEmpty(result);
        return result;
    }

    [Fact]
    public void Should_Parse_The_Latency_Section()
    {
        var o = LatencyOptions.FromSection(Section("latency"));
        Assert.Equal((10, 30, 1000, 10, 0.01, 1.96, 60.0),
            (o.WarmupIterations, o.MinIterations, o.MaxIterations, o.CheckEvery, o.TargetRelativeHalfWidth, o.ConfidenceZ, o.MaxSeconds));
    }

    [Fact]
    public void Should_Parse_The_Capacity_Section_With_Notebook_Anchored_Headsets()
    {
        var p = CapacityParameters.FromSection(Section("capacity"));
        Assert.Equal(["quest_pro", "quest_3"], p.Headsets.Select(h => h.Name));
        Assert.Equal(2.48, 1 / p.Headsets[0].BaselineSeconds, 6);
        Assert.Equal(10.16, 1 / p.Headsets[1].BaselineSeconds, 5);
        Assert.Equal(1.0, p.FrameBudgetSeconds);
        // the documented link default reproduces the notebook's 0.0352 s per 3x256x256 float32 block
        Assert.Equal(0.0352, CapacityPlanner.TensorBytes(p.BytesPerElement, 3, 256, 256) * 8 / (p.DownlinkMbps * 1e6), 4);
    }

    [Fact]
    public void Should_Name_The_Section_In_Latency_Errors()
    {
        var s = Section("latency");
        s["max_iterations"] = "20";
        Assert.Contains("[latency]: latency max_iterations (20) must be >= min_iterations (30)",
            Assert.Throws<ArgumentException>(() => LatencyOptions.FromSection(s)).Message);
        s["warmup"] = "2.5";
        Assert.Contains("'warmup' must be a whole number", Assert.Throws<FormatException>(() => LatencyOptions.FromSection(s)).Message);
    }
}
