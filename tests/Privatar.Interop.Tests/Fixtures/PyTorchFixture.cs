using System.Runtime.CompilerServices;
using Privatar.Models;
using Privatar.Tests.Shared;

namespace Privatar.Interop.Tests.Fixtures;

/// <summary>
/// The files tests/fixtures/pytorch/make_fixture.py wrote with PyTorch 1.13 (Debian python3-torch): a DeepAppearanceVAE
/// state dict at a 16² texture with the real checkpoint's 'module.' prefix, and an input with PyTorch's forward output.
/// </summary>
internal static class PyTorchFixture
{
    public static string Directory => Path.Combine(Repo.Root, "tests", "fixtures", "pytorch");
    public static string Checkpoint => Path.Combine(Directory, "baseline_tex16.pth");
    public static string Io => Path.Combine(Directory, "io_tex16.pth");

    /// <summary>The script's FIXTURE_SIZE: texture side, vertices, cameras, latent.</summary>
    public static VaeConfig Config { get; } = new() { TexSize = 16, Vertices = 5, Cameras = 2, Latent = 16 };

    [ModuleInitializer]
    internal static void OneThread() => TorchSharp.torch.set_num_threads(1);
}
