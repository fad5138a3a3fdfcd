using MathNet.Numerics.LinearAlgebra;
using Privatar.DpSgd.Runs;
using Privatar.Synthesis.Classifiers;
using Privatar.Synthesis.Data;
using Privatar.Torch;
using static TorchSharp.torch;

namespace Privatar.Synthesis.Evaluation;

/// <summary>
/// The feature extractor of FID, KID and PRDC: DPDM's downstream CNN trained once per dataset on the real training
/// split under the same protocol as every TSTR classifier (epoch chosen on a held-out 10% of the real training set), its
/// checkpoint kept as an artifact. Features are its 128-d penultimate layer in eval mode. They are local-CNN features,
/// not Inception's (no pretrained weights can be downloaded here).
/// </summary>
public static class EvaluatorCnn
{
    public static (DpdmCnn Model, TstrResult Result) Train(ImageSet realTrain, ImageSet realTest, TstrConfig cfg, Action<string> log)
    {
        var (model, result) = Tstr.Train(ClassifierKind.Cnn, realTrain, realTest, cfg, log);
        return ((DpdmCnn)model, result);
    }

    public static void Save(DpdmCnn model, string path) => RunFiles.SaveModel(path, model);

    public static DpdmCnn Load(string path)
    {
        var model = new DpdmCnn(ImageSet.Classes);
        RunFiles.LoadModel(path, model);
        model.eval();
        return model;
    }

    /// <summary>(N, 128) penultimate features of a set, in eval mode under no_grad.</summary>
    public static Matrix<double> Features(DpdmCnn model, ImageSet set, int batchSize = 1000)
    {
        model.eval();
        using var data = ImageTensors.From(set);
        using var _ = no_grad();
        var features = Matrix<double>.Build.Dense(set.Count, DpdmCnn.FeatureDim);
        for (long start = 0; start < data.Count; start += batchSize)
            NoGc.Run(() =>
            {
                using var scope = NewDisposeScope();
                var len = Math.Min(batchSize, data.Count - start);
                var rows = model.Features(data.Images.narrow(0, start, len)).to_type(ScalarType.Float64).data<double>().ToArray();
                for (var r = 0; r < len; r++)
                    for (var c = 0; c < DpdmCnn.FeatureDim; c++)
                        features[(int)start + r, c] = rows[r * DpdmCnn.FeatureDim + c];
            });
        return features;
    }
}
