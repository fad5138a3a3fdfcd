using Privatar.Core;
using Privatar.Synthesis.Classifiers;
using Privatar.Synthesis.Data;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Synthesis.Evaluation;

/// <summary>
/// Train on one set, test on real data, choosing the epoch on a held-out part of the training set (<see cref="TstrConfig"/>).
/// The same function gives the "real data" upper bound when the training set is the real training split. Every random
/// draw (split, initialisation, batch order, dropout) has its own stream derived from the config's seed.
/// </summary>
public static class Tstr
{
    public static TstrResult Run(ClassifierKind kind, ImageSet training, ImageSet realTest, TstrConfig cfg, Action<string> log)
    {
        var (model, result) = Train(kind, training, realTest, cfg, log);
        model.Dispose();
        return result;
    }

    /// <summary>As <see cref="Run"/>, and returns the network holding the selected epoch's weights.</summary>
    public static (nn.Module<Tensor, Tensor> Model, TstrResult Result) Train(ClassifierKind kind, ImageSet training, ImageSet realTest,
        TstrConfig cfg, Action<string> log)
    {
        cfg.Validate();
        var (trainPart, heldOutPart) = Split(training, cfg);
        using var train = ImageTensors.From(trainPart);
        using var heldOut = ImageTensors.From(heldOutPart);
        using var test = ImageTensors.From(realTest);
        random.manual_seed(SeedStreams.DeriveInt32(cfg.Seed, SeedPurpose.Tstr, "init"));
        var model = kind.Create();
        var epochs = new List<TstrEpoch>();
        Dictionary<string, Tensor>? best = null;
        double bestHeldOut = -1;
        var bestEpoch = 0;
        var passes = cfg.PassesPerEpoch(train.Count);
        if (passes > 1) log($"{kind.Name()}: {train.Count} training examples, {passes} passes per epoch (the steps of a {cfg.StepReference}-example set)");
        using (var optimizer = optim.Adam(model.parameters(), cfg.LearningRate))
        using (var shuffle = new Generator((ulong)SeedStreams.DeriveInt32(cfg.Seed, SeedPurpose.Tstr, "shuffle")))
        {
            random.manual_seed(SeedStreams.DeriveInt32(cfg.Seed, SeedPurpose.Tstr, "dropout"));   // dropout draws from the global generator
            for (var epoch = 1; epoch <= cfg.Epochs; epoch++)
            {
                double loss = 0;
                for (var pass = 0; pass < passes; pass++) loss += TrainEpoch(model, optimizer, train, cfg.BatchSize, shuffle) / passes;
                var acc = Accuracy(model, heldOut, cfg.EvalBatchSize);
                epochs.Add(new TstrEpoch(epoch, loss, acc));
                if (acc > bestHeldOut)   // strictly better: ties keep the earlier epoch, as DPDM does
                {
                    bestHeldOut = acc;
                    bestEpoch = epoch;
                    DisposeAll(best);
                    best = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
                }
                log($"{kind.Name()} epoch {epoch}/{cfg.Epochs}: train loss {loss:F4}, held-out acc {acc:F4}" + (bestEpoch == epoch ? " (best so far)" : ""));
            }
        }
        // The real test split is read once, by the selected weights: it never sees the other epochs.
        model.load_state_dict(best!);
        DisposeAll(best);
        var bestTest = Accuracy(model, test, cfg.EvalBatchSize);
        return (model, new TstrResult(kind.Name(), trainPart.Count, heldOutPart.Count, bestEpoch, bestHeldOut, bestTest, epochs));
    }

    /// <summary>A seeded permutation of the set, cut to the limit; its last round(fraction·n) examples are the held-out part.</summary>
    public static (ImageSet Train, ImageSet HeldOut) Split(ImageSet set, TstrConfig cfg)
    {
        var n = cfg.Used(set.Count);
        var heldOut = cfg.HeldOut(n);
        if (heldOut < 1 || n - heldOut < 1)
            throw new ArgumentException($"{set.Source}: {n} examples cannot be split into a training part and a {cfg.HeldOutFraction} held-out part");
        var perm = Enumerable.Range(0, set.Count).ToArray();
        var rng = new Random(SeedStreams.DeriveInt32(cfg.Seed, SeedPurpose.Tstr, "split"));
        for (var i = 0; i < n; i++)
        {
            var j = rng.Next(i, perm.Length);
            (perm[i], perm[j]) = (perm[j], perm[i]);
        }
        return (set.Select(perm[..(n - heldOut)]), set.Select(perm[(n - heldOut)..n]));
    }

    static double TrainEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, ImageTensors data, int batchSize, Generator shuffle)
    {
        model.train();
        double lossSum = 0;
        using var perm = randperm(data.Count, generator: shuffle);
        for (long start = 0; start < data.Count; start += batchSize)
            NoGc.Run(() =>   // one step per no-GC region: TorchSharp's implicit Scalars (see Privatar.Torch NoGc)
            {
                using var scope = NewDisposeScope();
                var idx = perm.narrow(0, start, Math.Min(batchSize, data.Count - start));
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(data.Images.index_select(0, idx)), data.Labels.index_select(0, idx));
                loss.backward();
                optimizer.step();
                lossSum += loss.ToDouble() * idx.shape[0];
            });
        return lossSum / data.Count;
    }

    /// <summary>Accuracy in eval mode under no_grad, batch by batch.</summary>
    public static double Accuracy(nn.Module<Tensor, Tensor> model, ImageTensors data, int batchSize)
    {
        model.eval();
        using var _ = no_grad();
        long correct = 0;
        for (long start = 0; start < data.Count; start += batchSize)
            NoGc.Run(() =>
            {
                using var scope = NewDisposeScope();
                var len = Math.Min(batchSize, data.Count - start);
                correct += model.call(data.Images.narrow(0, start, len)).argmax(1).eq(data.Labels.narrow(0, start, len)).sum().ToInt64();
            });
        return (double)correct / data.Count;
    }

    static void DisposeAll(Dictionary<string, Tensor>? state)
    {
        if (state is null) return;
        foreach (var t in state.Values) t.Dispose();
    }
}
