using Privatar.Data.Generator;
using Xunit;

namespace Privatar.Data.Tests.Generator;

public sealed class GeneratorSettingsTests
{
    /// <summary>The [data] section of the repository's cake.config, keys without the prefix.</summary>
    static Dictionary<string, string> ShippedSection()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "cake.config"))) dir = Path.GetDirectoryName(dir) ?? throw new FileNotFoundException("cake.config not found above the test output");
        var section = new Dictionary<string, string>();
        bool inData = false;
        foreach (var line in File.ReadLines(Path.Combine(dir, "cake.config")))
        {
            var t = line.Trim();
            if (t.StartsWith('[')) { inData = t == "[data]"; continue; }
            if (!inData || t.Length == 0 || t.StartsWith(';')) continue;
            var kv = t.Split('=', 2);
            section[kv[0].Trim()] = kv[1].Trim();
        }
        return section;
    }

    [Fact]
    public void Should_Hold_The_Real_Sizes_As_Defaults_In_The_Shipped_Section()
    {
        var cfg = GeneratorSettings.FromSection(ShippedSection());

        Assert.Equal(new GeneratorConfig(), cfg);
        Assert.Equal((1024, 1334, 2048, 65, 38), (cfg.TextureSize, cfg.PhotoWidth, cfg.PhotoHeight, cfg.Expressions, cfg.Cameras));
    }

    [Fact]
    public void Should_Name_A_Bad_Key()
    {
        var s = ShippedSection();
        s["cameras"] = "many";
        var e = Assert.Throws<ArgumentException>(() => GeneratorSettings.FromSection(s));
        Assert.Equal("[data] cameras = 'many': expected an integer", e.Message);

        s.Remove("cameras");
        s["camera"] = "3";
        e = Assert.Throws<ArgumentException>(() => GeneratorSettings.FromSection(s));
        Assert.StartsWith("[data] camera: unknown key; expected one of seed, texture_size", e.Message);
    }

    [Fact]
    public void Should_Reject_An_Out_Of_Range_Size()
    {
        var s = ShippedSection();
        s["expressions"] = "66";
        var e = Assert.Throws<ArgumentException>(() => GeneratorSettings.FromSection(s));
        Assert.Equal("generator setting 'Expressions' is out of range: expected 1..65", e.Message);
    }
}
