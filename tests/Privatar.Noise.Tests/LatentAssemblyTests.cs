using Xunit;

namespace Privatar.Noise.Tests;

public sealed class LatentAssemblyTests
{
    static double[,] Batch(int rows, double value)
    {
        var b = new double[rows, 2];
        for (var t = 0; t < rows; t++) { b[t, 0] = value; b[t, 1] = -value; }
        return b;
    }

    [Fact]
    public void Original_Should_Skip_Z0_And_Fill_The_Rest()
    {
        // Given z_0 … z_3 with bs = |z_2| = 2 and a short last batch: (3−2)·2 + 2 + 1 = 5 rows
        var m = LatentAssembly.Original([Batch(2, 0), Batch(2, 1), Batch(2, 2), Batch(1, 3)]);

        // Then rows are z_1, z_1, z_2, z_2, z_3 and z_0 (value 0) never appears
        Assert.Equal(5, m.GetLength(0));
        Assert.Equal([1.0, 1, 2, 2, 3], Enumerable.Range(0, 5).Select(t => m[t, 0]).ToArray());
    }

    [Fact]
    public void Original_Should_Leave_Zero_Rows_When_Z0_Is_Larger_Than_Bs()
    {
        var m = LatentAssembly.Original([Batch(3, 9), Batch(2, 1), Batch(2, 2), Batch(2, 3)]);
        Assert.Equal(7, m.GetLength(0));
        Assert.Equal([1.0, 1, 2, 2, 3, 3, 0], Enumerable.Range(0, 7).Select(t => m[t, 0]).ToArray());
    }

    [Fact]
    public void Original_Should_Fail_Where_Numpy_Would()
    {
        var ex = Assert.Throws<InvalidDataException>(() => LatentAssembly.Original([Batch(1, 0), Batch(2, 1), Batch(2, 2), Batch(2, 3)]));
        Assert.Contains("z_3", ex.Message);
    }

    [Fact]
    public void Batches_Should_Split_Saved_Rows_Back_Into_Test_Batches()
    {
        // Given 5 saved rows (value = row index) from batches of 2: z_0 = rows 0-1, z_1 = rows 2-3, z_2 = row 4
        var rows = new double[5, 2];
        for (var t = 0; t < 5; t++) { rows[t, 0] = t; rows[t, 1] = -t; }

        var batches = LatentAssembly.Batches(rows, 2);

        Assert.Equal([2, 2, 1], batches.Select(b => b.GetLength(0)));
        Assert.Equal(3.0, batches[1][1, 0]);
        Assert.Equal(-4.0, batches[2][0, 1]);
        Assert.Contains("test.batch_size", Assert.Throws<ArgumentException>(() => LatentAssembly.Batches(rows, 0)).Message);
    }

    [Fact]
    public void Original_Of_Split_Rows_Should_Drop_The_First_Batch()
    {
        // 10 rows in batches of 3 (3, 3, 3, 1): (3−2)·3 + 3 + 1 = 7 rows, z_1 … z_3: saved rows 3 … 9
        var rows = new double[10, 1];
        for (var t = 0; t < 10; t++) rows[t, 0] = t;
        var m = LatentAssembly.Original(LatentAssembly.Batches(rows, 3));
        Assert.Equal([3.0, 4, 5, 6, 7, 8, 9], Enumerable.Range(0, 7).Select(t => m[t, 0]).ToArray());
    }

    [Fact]
    public void Corrected_Should_Stack_Every_Batch()
    {
        var m = LatentAssembly.Assemble([Batch(2, 0), Batch(2, 1), Batch(1, 3)], NoiseFidelity.Corrected);
        Assert.Equal([0.0, 0, 1, 1, 3], Enumerable.Range(0, 5).Select(t => m[t, 0]).ToArray());
        Assert.Equal(-3.0, m[4, 1]);
    }
}
