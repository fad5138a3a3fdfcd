// TorchSharp half of the TorchSharp-vs-PyTorch benchmark. The PyTorch half (pytorch_bench.py) builds the same
// decoder, uses the same sizes, thread count, stopping rule and JSON fields; combine.py compares the two files.
using System.Text.Json;
using System.Text.Json.Nodes;
using Privatar.Core;
using Privatar.Evaluation.Latency;
using Privatar.Models;
using Privatar.Models.Analysis;
using Privatar.Models.Variants;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

var arguments = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--")).ToDictionary(p => p.a[2..], p => args[p.i + 1]);
string Arg(string key, string fallback) => arguments.TryGetValue(key, out var v) ? v : fallback;
var tex = int.Parse(Arg("tex", "256"), Invariant.Culture);
var batch = int.Parse(Arg("batch", "10"), Invariant.Culture);
var threads = int.Parse(Arg("threads", "2"), Invariant.Culture);
var matmulN = int.Parse(Arg("matmul", "2048"), Invariant.Culture);
var output = Arg("out", "torchsharp.json");
// keep: glibc keeps freed memory in the process, as every libtorch process of the pipeline does (NativeProcess);
// default: glibc's own policy. pytorch_bench.py applies the same setting.
var malloc = Arg("malloc", "keep");
if (malloc == "keep") NativeProcess.Prepare();
else if (malloc != "default") throw new ArgumentException($"--malloc: expected keep or default, got '{malloc}'");

torch.set_num_threads(threads);
torch.manual_seed(1234);
var config = new VaeConfig { TexSize = tex };
using var vae = new DeepAppearanceVae(config);
vae.InitWeights();
var decoder = vae.Decoder;
var macs = PathCost.Of([decoder]).TrueMacs;

// Inference: batch 1 under no_grad.
using var z1 = randn(1, config.Latent);
using var v1 = randn(1, 3);
decoder.eval();
var inference = LatencyProbe.Measure(() => { var (t, m) = decoder.call(z1, v1); t.Dispose(); m.Dispose(); },
    new LatencyOptions { WarmupIterations = 10, MinIterations = 30, MaxIterations = 1000, TargetRelativeHalfWidth = 0.01, MaxSeconds = 30 });

// Training step: forward, MSE on texture and mesh, backward, clip at 10, Adam 3e-4 (the original's settings).
decoder.train();
using var z = randn(batch, config.Latent);
using var v = randn(batch, 3);
using var texTarget = randn(batch, 3, tex, tex);
using var meshTarget = randn(batch, config.MeshInputSize);
var parameters = decoder.parameters().ToArray();
var adam = optim.Adam(parameters, lr: 3e-4);
var train = LatencyProbe.Measure(() =>
    {
        adam.zero_grad();
        var (t, m) = decoder.call(z, v);
        var loss = nn.functional.mse_loss(t, texTarget) + nn.functional.mse_loss(m, meshTarget);
        loss.backward();
        nn.utils.clip_grad_norm_(parameters, 10);
        adam.step();
    },
    new LatencyOptions { WarmupIterations = 3, MinIterations = 20, MaxIterations = 200, TargetRelativeHalfWidth = 0.02, MaxSeconds = 60, NoGrad = false });

// Large matmul: the achievable GEMM rate of this libtorch build on this machine.
using var a = randn(matmulN, matmulN);
using var b = randn(matmulN, matmulN);
var matmul = LatencyProbe.Measure(() => a.matmul(b).Dispose(),
    new LatencyOptions { WarmupIterations = 2, MinIterations = 10, MaxIterations = 50, TargetRelativeHalfWidth = 0.02, MaxSeconds = 30 });

static JsonObject Timing(LatencyResult r) => new()
{
    ["median_ms"] = r.MedianMs, ["p5_ms"] = r.P5Ms, ["p95_ms"] = r.P95Ms, ["iterations"] = r.Iterations,
    ["rel_ci_half_width"] = r.RelativeHalfWidth, ["stop"] = r.Stop.ToString(),
};
var forwardFlops = 2.0 * macs;
var trainFlops = 3 * forwardFlops * batch;          // forward + input-gradient + weight-gradient GEMMs
var matmulFlops = 2.0 * matmulN * matmulN * matmulN;
var result = new JsonObject
{
    ["framework"] = "TorchSharp",
    ["version"] = typeof(torch).Assembly.GetName().Version?.ToString(),
    ["libtorch"] = torch.__version__,
    ["threads"] = torch.get_num_threads(),
    ["tex"] = tex, ["train_batch"] = batch, ["malloc"] = malloc,
    ["forward_flops_batch1"] = forwardFlops,
    ["train_step_flops"] = trainFlops,
    ["inference"] = Timing(inference),
    ["train_step"] = Timing(train),
    ["matmul"] = Timing(matmul),
    ["matmul_n"] = matmulN,
    ["train_gflops"] = trainFlops / (train.MedianMs * 1e6),
    ["matmul_gflops"] = matmulFlops / (matmul.MedianMs * 1e6),
};
AtomicFile.WriteAllText(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
Console.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
