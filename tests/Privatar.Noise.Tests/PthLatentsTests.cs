using Privatar.Core;
using Privatar.Tests.Shared;
using Xunit;

namespace Privatar.Noise.Tests;

/// <summary>The original's saved latents (tests/fixtures/pytorch/latent_code, written by make_fixture.py with PyTorch 1.13).</summary>
public class PthLatentsTests
{
    static string Folder => Path.Combine(Repo.Root, "tests", "fixtures", "pytorch", "latent_code");

    [Fact]
    public void The_z_batches_read_as_PyTorch_saved_them_strided_view_included()
    {
        var batches = PthLatents.ReadBatches(Folder, "z");
        Assert.Equal([3, 3, 3, 2], batches.Select(b => b.GetLength(0)));
        var expected = Npy.Read(Path.Combine(Folder, "expected.npy")).ToMatrix();
        Assert.Equal(expected, LatentAssembly.Stacked(batches));
        // z_offload_k.pth beside them is a different stem, not a z batch
        Assert.Equal(4, PthLatents.Files(Folder, "z_offload").Count);
        Assert.DoesNotContain(PthLatents.Files(Folder, "z"), f => f.Contains("offload"));
    }

    [Fact]
    public void A_missing_batch_or_a_broken_file_is_named()
    {
        using var dir = new Repo.TempDir();
        File.Copy(Path.Combine(Folder, "z_0.pth"), Path.Combine(dir.Path, "z_0.pth"));
        File.Copy(Path.Combine(Folder, "z_2.pth"), Path.Combine(dir.Path, "z_2.pth"));
        Assert.Contains("z_1.pth is missing", Assert.Throws<InvalidDataException>(() => PthLatents.Files(dir.Path, "z")).Message);

        var broken = Path.Combine(dir.Path, "z_1.pth");
        File.WriteAllBytes(broken, File.ReadAllBytes(Path.Combine(Folder, "z_1.pth"))[..300]);
        Assert.StartsWith(broken + ": ", Assert.Throws<InvalidDataException>(() => PthLatents.ReadBatches(dir.Path, "z")).Message);
    }
}
