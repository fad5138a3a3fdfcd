using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Xunit;

namespace Privatar.Contracts.Tests.Verbs;

/// <summary><c>data generate</c>: every generator setting is a [data] key (threads the runtime's, unstamped).</summary>
public class DataContractTests
{
    static readonly Dictionary<string, string> Smoke = new()
    {
        ["data.seed"] = "20180227", ["data.texture_size"] = "64", ["data.photo_width"] = "64", ["data.photo_height"] = "96", ["data.mesh_rows"] = "16",
        ["data.mesh_cols"] = "20", ["data.expressions"] = "4", ["data.frames_per_expression"] = "2", ["data.rom_frames"] = "4", ["data.cameras"] = "3",
        ["runtime.threads"] = "2",
    };

    [Fact]
    public void The_contract_reads_the_data_section_and_the_runtime_threads()
    {
        Assert.Equal([.. Smoke.Keys], ContractCodec.Keys<DataGenerateArgs>());
        var d = ContractCodec.Declarations<DataGenerateArgs>().ToDictionary(x => x.Key);
        Assert.Equal(0, d["data.seed"].AtLeast);
        Assert.All(d.Values.Where(x => x.Key.StartsWith("data.", StringComparison.Ordinal) && x.Key != "data.seed"), x => Assert.Equal(1, x.AtLeast));
        Assert.False(d["runtime.threads"].Stamped);
        Assert.All(d.Values.Where(x => x.Key != "runtime.threads"), x => Assert.True(x.Stamped));
    }

    [Fact]
    public void A_filled_contract_renders_and_parses_back_to_itself()
    {
        var filled = ContractCodec.Fill(new DataGenerateArgs { Root = "subject" }, k => Smoke.GetValueOrDefault(k));
        var args = ContractCodec.ToArgs(filled);
        Assert.Equal(["data", "generate", "--root", "subject", "--seed", "20180227", "--texture-size", "64"], args.Take(8));
        Assert.Equal(filled, ContractCodec.Decode<DataGenerateArgs>(f => Given(args, f.Option), null));
        Assert.Equal((4, 2, 4, 3, 2), (filled.Expressions, filled.FramesPerExpression, filled.RomFrames, filled.Cameras, filled.Threads));
    }

    [Fact]
    public void By_hand_a_setting_not_given_comes_from_the_configuration_or_is_named()
    {
        var a = ContractCodec.Decode<DataGenerateArgs>(f => f.Option switch { "--root" => ["s"], "--cameras" => ["5"], _ => null }, k => Smoke.GetValueOrDefault(k));
        Assert.Equal((5, 64, 20180227), (a.Cameras, a.TextureSize, a.Seed));
        var e = Assert.Throws<ArgumentException>(() => ContractCodec.Decode<DataGenerateArgs>(f => f.Option == "--root" ? ["s"] : null, null));
        Assert.Contains("--seed", e.Message);
        Assert.Contains("data.seed", e.Message);
    }

    static IReadOnlyList<string>? Given(IReadOnlyList<string> args, string option)
    {
        var i = args.ToList().IndexOf(option);
        return i < 0 ? null : [args[i + 1]];
    }
}
