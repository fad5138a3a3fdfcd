using Privatar.Core;
using static TorchSharp.torch;

namespace Privatar.Evaluation.Metrics;

/// <summary>
/// AlexNet-LPIPS weights read from a directory holding one <c>&lt;state-dict key&gt;.npy</c> per tensor (float32 or
/// float64), as written from Python by:
/// <code>
/// import lpips, numpy as np, os
/// m = lpips.LPIPS(net='alex'); os.makedirs(d, exist_ok=True)
/// for k, v in m.state_dict().items(): np.save(os.path.join(d, k + '.npy'), v.cpu().numpy())
/// </code>
/// Trunk keys are <c>net.slice1.0</c>, <c>net.slice2.3</c>, <c>net.slice3.6</c>, <c>net.slice4.8</c>,
/// <c>net.slice5.10</c> (+ <c>.weight</c>/<c>.bias</c>); torchvision's names <c>features.0/3/6/8/10</c> are accepted
/// instead. Linear heads are <c>lin0.model.1.weight</c> .. <c>lin4.model.1.weight</c>. Other files are ignored.
/// </summary>
public sealed class LpipsWeights : IDisposable
{
    public const string ConvertHint =
        "convert them once with Python: m = lpips.LPIPS(net='alex'); for k, v in m.state_dict().items(): " +
        "np.save(os.path.join(dir, k + '.npy'), v.cpu().numpy())";

    static readonly int[] TorchvisionIndex = [0, 3, 6, 8, 10];
    static readonly long[][] ConvShapes = [[64, 3, 11, 11], [192, 64, 5, 5], [384, 192, 3, 3], [256, 384, 3, 3], [256, 256, 3, 3]];

    public Tensor[] ConvWeight { get; } = new Tensor[5];
    public Tensor[] ConvBias { get; } = new Tensor[5];
    public Tensor[] Lin { get; } = new Tensor[5];
    public Device Device { get; }

    LpipsWeights(Device device) => Device = device;

    public static LpipsWeights Load(string directory, Device device)
    {
        if (!Directory.Exists(directory))
            throw new FileNotFoundException(
                $"LPIPS weights directory '{directory}' does not exist. LPIPS(alex) needs pretrained weights that cannot be " +
                $"downloaded here; {ConvertHint}. LPIPS is not reported without them (no substitute metric is used).", directory);
        var w = new LpipsWeights(device);
        try
        {
            for (var l = 0; l < 5; l++)
            {
                var lpipsName = $"net.slice{l + 1}.{TorchvisionIndex[l]}";
                var torchvisionName = $"features.{TorchvisionIndex[l]}";
                var prefix = File.Exists(Path.Combine(directory, lpipsName + ".weight.npy")) || !File.Exists(Path.Combine(directory, torchvisionName + ".weight.npy"))
                    ? lpipsName : torchvisionName;
                w.ConvWeight[l] = Read(directory, prefix + ".weight", ConvShapes[l], device);
                w.ConvBias[l] = Read(directory, prefix + ".bias", [ConvShapes[l][0]], device);
                w.Lin[l] = Read(directory, $"lin{l}.model.1.weight", [1, ConvShapes[l][0], 1, 1], device);
            }
        }
        catch
        {
            w.Dispose();
            throw;
        }
        return w;
    }

    static Tensor Read(string directory, string key, long[] shape, Device device)
    {
        var path = Path.Combine(directory, key + ".npy");
        if (!File.Exists(path))
            throw new FileNotFoundException($"LPIPS weights: '{path}' (state-dict key '{key}') is missing; {ConvertHint}", path);
        var a = Npy.Read(path);
        if (!a.Shape.Select(d => (long)d).SequenceEqual(shape))
            throw new InvalidDataException($"LPIPS weights: '{path}' has shape ({string.Join(", ", a.Shape)}), expected ({string.Join(", ", shape)})");
        if (a.DType == NpyDType.Int64)
            throw new InvalidDataException($"LPIPS weights: '{path}' holds int64 values, expected float32 or float64");
        var values = a.Data is float[] f ? f : Array.ConvertAll(a.ToDoubles(), v => (float)v);
        return tensor(values, shape, device: device);
    }

    public void Dispose()
    {
        foreach (var t in ConvWeight.Concat(ConvBias).Concat(Lin)) t?.Dispose();
    }
}
