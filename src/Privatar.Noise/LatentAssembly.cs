namespace Privatar.Noise;

/// <summary>Builds the T×d latent matrix the noise is computed from, out of the saved test batches z_0 … z_N.</summary>
public static class LatentAssembly
{
    public static double[,] Assemble(IReadOnlyList<double[,]> batches, NoiseFidelity fidelity) =>
        fidelity == NoiseFidelity.Original ? Original(batches) : Stacked(batches);

    /// <summary>
    /// Splits latents saved row by row in batch order back into the batches z_0 … z_N: consecutive chunks of
    /// <paramref name="batchSize"/> rows, the last one shorter when the rows do not divide evenly (as the test step's sampler).
    /// </summary>
    public static IReadOnlyList<double[,]> Batches(double[,] rows, int batchSize)
    {
        if (batchSize < 1) throw new ArgumentException($"test.batch_size: expected at least 1, got {batchSize}");
        var (t, d) = (rows.GetLength(0), rows.GetLength(1));
        var batches = new List<double[,]>();
        for (var start = 0; start < t; start += batchSize)
        {
            var size = Math.Min(batchSize, t - start);
            var batch = new double[size, d];
            Array.Copy(rows, start * d, batch, 0, size * d);
            batches.Add(batch);
        }
        return batches;
    }

    /// <summary>Every batch, in order.</summary>
    public static double[,] Stacked(IReadOnlyList<double[,]> batches)
    {
        if (batches.Count == 0) throw new ArgumentException("latents: no batches to assemble");
        var d = Columns(batches);
        var result = new double[batches.Sum(b => b.GetLength(0)), d];
        var row = 0;
        foreach (var b in batches) row = Copy(b, result, row, b.GetLength(0));
        return result;
    }

    /// <summary>
    /// The original's loader: bs = |z_2|, the matrix has (N−2)·bs + |z_0| + |z_N| rows, and z_{k+1} fills rows
    /// k·bs … for k = 0 … N−1. So z_0 is left out, and rows stay zero when |z_0| exceeds bs. A batch that does
    /// not fit its slice makes numpy's assignment fail; so does this.
    /// </summary>
    public static double[,] Original(IReadOnlyList<double[,]> batches)
    {
        if (batches.Count < 3) throw new ArgumentException($"latents: the original's loader needs z_0 … z_N with N ≥ 2, got {batches.Count} batches");
        var d = Columns(batches);
        var n = batches.Count - 1;
        var bs = batches[2].GetLength(0);
        var total = (n - 2) * bs + batches[0].GetLength(0) + batches[n].GetLength(0);
        var result = new double[total, d];
        for (var k = 0; k < n; k++)
        {
            var batch = batches[k + 1];
            var slice = Math.Max(0, Math.Min(bs, total - k * bs));
            if (batch.GetLength(0) != slice)
                throw new InvalidDataException($"latents: z_{k + 1} has {batch.GetLength(0)} rows but the original's slot for it has {slice} (bs = |z_2| = {bs})");
            Copy(batch, result, k * bs, slice);
        }
        return result;
    }

    static int Columns(IReadOnlyList<double[,]> batches)
    {
        var d = batches[0].GetLength(1);
        for (var i = 0; i < batches.Count; i++)
            if (batches[i].GetLength(1) != d) throw new InvalidDataException($"latents: z_{i} has {batches[i].GetLength(1)} columns, z_0 has {d}");
        return d;
    }

    static int Copy(double[,] source, double[,] target, int row, int rows)
    {
        var d = source.GetLength(1);
        Array.Copy(source, 0, target, row * d, rows * d);
        return row + rows;
    }
}
