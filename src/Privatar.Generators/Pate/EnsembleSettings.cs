namespace Privatar.Generators.Pate;

/// <summary>
/// The teacher ensemble and the student, shared by G-PATE and DataLens. Teachers: conditional MLP discriminators, one
/// per disjoint partition. Student: DP-CGAN's MLP conditional generator. Optimiser and widths are ours (Adam, β1 = 0.5,
/// as for GANs in general), sized for a 2-core CPU; the ensemble size is the config's.
/// </summary>
public sealed record EnsembleSettings(
    int Teachers = 2000,
    int TeacherHidden = 32,
    int TeacherBatch = 16,          // real images per teacher per update, drawn from its own partition (fakes: as many)
    double TeacherLr = 1e-3,
    int Steps = 1000,               // student steps; each queries the ensemble once per generated sample
    int StudentBatch = 32,          // generated samples per student step
    double GeneratorLr = 1e-3,
    int NoiseDim = 100,
    int GeneratorHidden = 128,
    double Beta1 = 0.5)
{
    public void Validate(long privateSetSize)
    {
        if (Teachers < 1) throw new ArgumentException($"teachers: expected >= 1, got {Teachers}");
        if (privateSetSize / Teachers < 1)
            throw new ArgumentException($"teachers: {Teachers} teachers for {privateSetSize} private images leaves a partition empty");
        if (TeacherHidden < 1 || GeneratorHidden < 1 || NoiseDim < 1) throw new ArgumentException("teacher_hidden, generator_hidden, noise_dim: expected >= 1");
        if (TeacherBatch < 1) throw new ArgumentException($"teacher_batch: expected >= 1, got {TeacherBatch}");
        if (Steps < 1) throw new ArgumentException($"steps: expected >= 1, got {Steps}");
        if (StudentBatch < 1) throw new ArgumentException($"batch_size: expected >= 1, got {StudentBatch}");
        if (!(TeacherLr > 0 && GeneratorLr > 0)) throw new ArgumentException("learning rates: expected > 0");
        if (!(Beta1 >= 0 && Beta1 < 1)) throw new ArgumentException($"beta1: expected in [0, 1), got {Beta1}");
    }
}
