using Privatar.Core;
using Privatar.Noise;
using Privatar.Results;

namespace Privatar.Steps.Noise;

/// <summary>
/// The work of the Noise step's in-process units (src/Privatar.Steps/NoiseStep.cs), on top of Privatar.Noise:
/// read a test latent file, assemble it as the fidelity says, write the noise files with the original's names, and
/// describe each file as a <see cref="NoiseSummaryRow"/>. Every write is atomic (Npy and ResultCsv go through AtomicFile).
/// </summary>
public static class NoiseWork
{
    /// <summary>
    /// The T×d matrix a noise is computed from, from either source (detected by the path): our Evaluate step's
    /// <c>.npy</c>, every test sample's latent in batch order (float32 [N, d]), whose rows are split back into the test
    /// batches z_0 … z_N (<paramref name="batchSize"/> rows each, the last may be short) under <c>original</c>; or the
    /// original's saved batches, a path <c>&lt;folder&gt;/&lt;stem&gt;</c> naming <c>&lt;stem&gt;_k.pth</c> files (see
    /// <see cref="NoiseSource"/>). Under <c>original</c> the batches are assembled with the original loader's quirk
    /// (z_0 skipped, trailing zero rows); under <c>corrected</c> every row is used.
    /// </summary>
    public static double[,] Latents(string path, NoiseFidelity fidelity, int batchSize)
    {
        if (!NoiseSource.IsNpy(path))
        {
            var batches = PthLatents.ReadBatches(Path.GetDirectoryName(path)!, Path.GetFileName(path));
            return fidelity == NoiseFidelity.Original ? LatentAssembly.Original(batches) : LatentAssembly.Stacked(batches);
        }
        var array = Npy.Read(path);
        if (array.Rank != 2 || array.Shape[0] < 1 || array.Shape[1] < 1)
            throw new InvalidDataException($"'{path}': expected a latent matrix [N, d] as the Evaluate step writes it, got shape ({string.Join(", ", array.Shape)})");
        var rows = array.ToMatrix();
        return fidelity == NoiseFidelity.Original ? LatentAssembly.Original(LatentAssembly.Batches(rows, batchSize)) : rows;
    }

    /// <summary>The summary-table branch of a target: baseline, direct_split, local or offload.</summary>
    public static string Branch(NoiseTarget t) => t.Branch switch
    {
        LatentBranch.CompletelyOffloaded => "baseline",
        _ when t.OffloadedComponents == NoiseTarget.DirectSplitComponents => "direct_split",
        LatentBranch.PartitionLocal => "local",
        _ => "offload",
    };

    /// <summary>Writes one DP noise file into <paramref name="directory"/> and describes it.</summary>
    /// <param name="file">the file as the summary names it, relative to the profile's artifact root</param>
    public static NoiseSummaryRow WriteDp(string directory, NoiseTarget target, double[,] latents, double mi, DpNoiseOptions options, string file)
    {
        var r = NoiseArtifacts.WriteDpNoise(directory, target, latents, mi, options);
        return Row("dp", options.Fidelity, target, mi, r.Calibration.SuccessRate, ClassesOf(options.Fidelity, options.Classes), r.FileVector(), file) with
        {
            Sensitivity = r.Sensitivity,
            NoiseMultiplier = r.Calibration.NoiseMultiplier,
        };
    }

    /// <summary>Writes one PAC noise file from the covariance eigenvalues (the svd/s file of the target) and describes it.</summary>
    public static NoiseSummaryRow WritePac(string directory, NoiseTarget target, double[] eigenvalues, double mi, NoiseFidelity fidelity, int classes, string file)
    {
        var variances = PacSpectrum.NoiseVariances(eigenvalues, mi, fidelity);
        Npy.Write(Path.Combine(directory, NoiseFileNames.PacNoise(target, mi)), variances, variances.Length);
        return Row("pac", fidelity, target, mi, MiBound.Psr(fidelity, mi, classes), ClassesOf(fidelity, classes), variances, file);
    }

    static int ClassesOf(NoiseFidelity fidelity, int classes) => fidelity == NoiseFidelity.Original ? OriginalArtifact.EquationClasses : classes;

    static NoiseSummaryRow Row(string mechanism, NoiseFidelity fidelity, NoiseTarget target, double mi, double psr, int classes, double[] vector, string file) => new()
    {
        Mechanism = mechanism, Fidelity = fidelity.Name(), Branch = Branch(target),
        N = target.Branch == LatentBranch.CompletelyOffloaded ? null : target.OffloadedComponents,
        Mi = mi, Psr = psr, Classes = classes, Dims = vector.Length,
        NoiseSum = vector.Sum(), NoiseL2 = Math.Sqrt(vector.Sum(v => v * v)), NoiseMax = vector.Max(), File = file,
    };

    /// <summary>One row per fidelity and MI bound: the PSR the bound implies (<see cref="MiBound.Psr"/>, as the noise and noisy-inference rows), with the class count and prior used.</summary>
    public static IEnumerable<PsrBoundRow> PsrBounds(IEnumerable<NoiseFidelity> fidelities, IReadOnlyList<double> mis, int classes) =>
        fidelities.SelectMany(f => mis.Select(mi =>
        {
            var hardCoded = OriginalArtifact.HardCodedPsr(mi);
            if (f == NoiseFidelity.Original)
            {
                var solved = PosteriorSuccess.FromMutualInformation(mi, OriginalArtifact.EquationClasses);
                return new PsrBoundRow
                {
                    Fidelity = f.Name(), Mi = mi, Classes = OriginalArtifact.EquationClasses, Prior = 1.0 / OriginalArtifact.PriorClasses,
                    Psr = MiBound.Psr(f, mi, classes), Vacuous = solved.Vacuous, OriginalPsr = hardCoded,
                };
            }
            var b = PosteriorSuccess.FromMutualInformation(mi, classes);
            return new PsrBoundRow { Fidelity = f.Name(), Mi = mi, Classes = classes, Prior = b.Prior, Psr = MiBound.Psr(f, mi, classes), Vacuous = b.Vacuous, OriginalPsr = hardCoded };
        }));

    /// <summary>
    /// The radar-view vectors of one offloaded target, fidelity and MI bound (notebook cells 15-16): the first test latent,
    /// the per-dimension latent variance (diagonal of the target's covariance file), the DP and PAC noise vectors as
    /// stored, and one draw of each noise as a consumer applies it (<see cref="NoiseArtifacts.LoadNoiseTransform"/>),
    /// both draws from the same seeded ε so that only the transforms differ.
    /// </summary>
    public static IEnumerable<NoiseVectorRow> Vectors(string directory, string latentsPath, NoiseTarget target, double mi, NoiseFidelity fidelity, int seed)
    {
        var latents = Latents(latentsPath, NoiseFidelity.Corrected, 0);   // every row, in order
        var d = latents.GetLength(1);
        var covariance = Npy.Read(Path.Combine(directory, NoiseFileNames.Covariance(target))).ToMatrix();
        var series = new List<(string Name, double[] Values)>
        {
            ("latent", Enumerable.Range(0, d).Select(j => latents[0, j]).ToArray()),
            ("latent_variance", Enumerable.Range(0, d).Select(j => covariance[j, j]).ToArray()),
            ("dp_vector", Npy.Read(Path.Combine(directory, NoiseFileNames.DpNoise(target, mi))).ToDoubles()),
            ("pac_vector", Npy.Read(Path.Combine(directory, NoiseFileNames.PacNoise(target, mi))).ToDoubles()),
            ("dp_sample", Draw(NoiseArtifacts.LoadNoiseTransform(directory, NoiseKind.Dp, target, mi, fidelity), seed)),
            ("pac_sample", Draw(NoiseArtifacts.LoadNoiseTransform(directory, NoiseKind.Pac, target, mi, fidelity), seed)),
        };
        return series.SelectMany(s => s.Values.Select((v, j) => new NoiseVectorRow
        {
            Fidelity = fidelity.Name(), N = target.OffloadedComponents, Mi = mi, Series = s.Name, Dim = j, Value = v,
        }));
    }

    static double[] Draw(double[,] transform, int seed)
    {
        var d = transform.GetLength(0);
        var noise = NoiseSampling.AddNoise(new double[1, d], transform, Privatar.Core.SeedStreams.DeriveInt32(seed, Privatar.Core.SeedPurpose.NoiseVectorsDraw));
        return Enumerable.Range(0, d).Select(j => noise[0, j]).ToArray();
    }
}
