using Privatar.Pipeline.Config;
using Privatar.Pipeline.Tests.Fixtures;
using Privatar.Steps;
using Xunit;

namespace Privatar.Pipeline.Tests.Config;

/// <summary>
/// Values a unit's verb would refuse are refused when the configuration is read, naming the key, before the engine
/// touches anything: a built tree (an output and its stamp) stays byte for byte as it was.
/// </summary>
public sealed class RejectedValueTests : IDisposable
{
    readonly Scratch _s = new();

    public RejectedValueTests()
    {
        _s.Write("cake.config", File.ReadAllText(RepoPaths.Of("cake.config")));
        _s.Write("artifacts/smoke/train/baseline/best_model.pt", "a trained checkpoint");
        _s.Write("artifacts/smoke/.pipeline/stamps/Train/baseline.json", "{\"schema\": \"1\"}");
    }

    public void Dispose() => _s.Dispose();

    ConfigException Refused(Dictionary<string, string> overrides)
    {
        var before = _s.Snapshot("artifacts");
        var e = Assert.Throws<ConfigException>(() => PipelineSession.Open(new PipelineOptions(_s.Root, "smoke") { Overrides = overrides }, StepCatalog.All, new ListLog()));
        Assert.Equal(before, _s.Snapshot("artifacts"));
        return e;
    }

    [Theory]
    [InlineData("runtime_device", "cuda", "[runtime] device = cuda: expected cpu; the build references TorchSharp-cpu")]
    [InlineData("runtime_threads", "-1", "[runtime] threads = -1: expected at least 0")]
    [InlineData("runtime_seed", "-5", "[runtime] seed = -5: expected at least 0")]
    [InlineData("pipeline_jobs", "0", "[pipeline] jobs = 0: expected at least 1")]
    [InlineData("train_baseline_max_iter", "-1", "[train] baseline_max_iter = -1: expected at least 1")]
    [InlineData("train_partition_max_iter", "0", "[train] partition_max_iter = 0: expected at least 1")]
    [InlineData("train_batch_size", "0", "[train] batch_size = 0: expected at least 1")]
    [InlineData("train_val_every", "0", "[train] val_every = 0: expected at least 1")]
    [InlineData("train_val_num", "-3", "[train] val_num = -3: expected at least 0")]
    [InlineData("train_fidelity", "fixed", "[train] fidelity = fixed: expected corrected or original")]
    [InlineData("train_partition_n", "2, -8", "[train] partition_n = 2, -8: item -8: expected at least 1")]
    [InlineData("train_sparse_ratios", "0", "[train] sparse_ratios = 0: expected a value above 0")]
    [InlineData("test_batches", "0", "[test] batches = 0: expected at least 1")]
    [InlineData("test_batch_size", "-1", "[test] batch_size = -1: expected at least 1")]
    [InlineData("attack_nn_epochs", "0", "[attack] nn_epochs = 0: expected at least 1")]
    [InlineData("attack_nn_lr", "0", "[attack] nn_lr = 0: expected a value above 0")]
    [InlineData("noise_mi_bounds", "1, -0.1", "[noise] mi_bounds = 1, -0.1: item -0.1: expected a value above 0")]
    [InlineData("noise_fidelities", "corrected, bogus", "[noise] fidelities = corrected, bogus: item bogus: expected original or corrected")]
    [InlineData("dpsgd_epochs", "0", "[dpsgd] epochs = 0: expected at least 1")]
    [InlineData("dpsgd_batch_size", "-64", "[dpsgd] batch_size = -64: expected at least 1")]
    [InlineData("dpsgd_synthesis_fidelities", "leaky", "[dpsgd] synthesis_fidelities = leaky: expected corrected or original")]
    [InlineData("dpsgd_vae_fidelity", "x", "[dpsgd] vae_fidelity = x: expected corrected or original")]
    [InlineData("mnist_train_limit", "-1", "[mnist] train_limit = -1: expected at least 0")]
    [InlineData("latency_min_iterations", "0", "[latency] min_iterations = 0: expected at least 1")]
    [InlineData("data_expressions", "0", "[data] expressions = 0: expected at least 1")]
    [InlineData("train_baseline_max_iter", "many", "command line --train_baseline_max_iter: train.baseline_max_iter = 'many': expected an integer")]
    [InlineData("runtime_sed", "7", "command line --runtime_sed=7: unknown key")]
    public void Should_Refuse_On_The_Command_Line_Naming_The_Key_And_Keep_The_Tree(string key, string value, string message)
    {
        var e = Refused(new Dictionary<string, string> { [key] = value });
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nn_epochs = 10", "nn_epochs = -1", "cake.config:", "[attack] nn_epochs = -1: expected at least 1")]
    [InlineData("device = cpu", "device = cuda", "cake.config:", "[runtime] device = cuda: expected cpu")]
    [InlineData("train.batch_size = 2", "train.batch_size = 0", "([profile.smoke])", "[train] batch_size = 0: expected at least 1")]
    public void Should_Refuse_In_The_Config_File_Naming_The_Line(string line, string replacement, string origin, string message)
    {
        _s.SetConfig(line, replacement);
        var e = Refused([]);
        Assert.Contains(origin, e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
