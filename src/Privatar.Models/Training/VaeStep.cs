using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Models.Training;

/// <summary>Scalar loss values of one step.</summary>
public sealed record LossValues(double Vert, double Tex, double Screen, double Kl, double Total)
{
    public static LossValues Of(LossTerms t) =>
        new(t.Vert.item<float>(), t.Tex.item<float>(), t.Screen.item<float>(), t.Kl.item<float>(), t.Total.item<float>());
}

/// <summary>
/// One training iteration of the original (§2.6): re-project (quantization), forward, losses, zero grads, backward,
/// clip the gradient norm of ALL model parameters to 10 (including any the optimizer never steps), step the main
/// and the colour-correction optimizers. The batch-skipping rule and the schedule belong to the loop.
/// </summary>
public static class VaeStep
{
    public const double ClipNorm = 10;

    public static LossValues Train(AvatarVae model, VaeBatch batch, Normalization n, LossWeights w, ScreenSetup? screen,
                                   optim.Optimizer main, optim.Optimizer colorCorrection)
    {
        model.BeforeTrainingStep();
        using var scope = NewDisposeScope();
        using var output = model.call(batch.ToInput());
        using var terms = VaeLosses.Compute(output, batch, n, w, screen);
        main.zero_grad();
        colorCorrection.zero_grad();
        terms.Total.backward();
        nn.utils.clip_grad_norm_(model.parameters().Where(p => p.requires_grad), ClipNorm);
        main.step();
        colorCorrection.step();
        return LossValues.Of(terms);
    }

    /// <summary>Losses without gradients (eval mode, restored afterwards). Sampling still happens, as in the original.</summary>
    public static LossValues Evaluate(AvatarVae model, VaeBatch batch, Normalization n, LossWeights w, ScreenSetup? screen)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            using var output = model.call(batch.ToInput());
            using var terms = VaeLosses.Compute(output, batch, n, w, screen);
            return LossValues.Of(terms);
        }
        finally { model.train(wasTraining); }
    }

    /// <summary>The original's two Adams (lr 3e-4, betas 0.9/0.999): main over <see cref="AvatarVae.ParametersForOptimizer()"/>, and cc.</summary>
    public static (optim.Optimizer Main, optim.Optimizer ColorCorrection) Optimizers(AvatarVae model, double lr = 3e-4) =>
        (optim.Adam(model.ParametersForOptimizer(), lr, 0.9, 0.999), optim.Adam(model.ColorCorrectionParameters(), lr, 0.9, 0.999));
}
