namespace Privatar.Models;

/// <summary>How faithfully to reproduce the original code's result-changing quirks (§9 of the reference).</summary>
public enum Fidelity
{
    /// <summary>Does what the paper describes (the default).</summary>
    Corrected,
    /// <summary>Reproduces the original code, quirks included (offload encoder never optimised, pruning copies |W|, ...).</summary>
    Original,
}

/// <summary>
/// Architecture of a DeepAppearanceVAE-family model. Defaults are the original's full size.
/// The texture size sets the number of x4 stages (1024: 4 stages, 256: 3, 64: 2); the layer widths stay the
/// original's, keeping the stages nearest the latent when there are fewer.
/// </summary>
public sealed record VaeConfig
{
    /// <summary>Texture side in texels (1024 in the original; must be 4·4^s).</summary>
    public int TexSize { get; init; } = 1024;
    /// <summary>Number of mesh vertices (7306 in Multiface; mesh_inp_size = 3·this).</summary>
    public int Vertices { get; init; } = 7306;
    /// <summary>Latent size z_dim (argparse default 256 overrides the class default 128).</summary>
    public int Latent { get; init; } = 256;
    /// <summary>Cameras known to colour correction (38 = union of train and test cameras).</summary>
    public int Cameras { get; init; } = 38;
    /// <summary>Quirk handling; see <see cref="Models.Fidelity"/>.</summary>
    public Fidelity Fidelity { get; init; } = Fidelity.Corrected;

    public int MeshInputSize => 3 * Vertices;

    /// <summary>The original's full-size configuration (1024² texture, 7306 vertices, latent 256, 38 cameras).</summary>
    public static VaeConfig Full { get; } = new();

    /// <summary>Number of x4 stages between an image of side <paramref name="side"/> and the 4x4 bottleneck.</summary>
    public static int StagesFor(int side, string what)
    {
        for (int s = 1, n = 16; n <= side; s++, n *= 4)
            if (n == side) return s;
        throw new ArgumentException(
            $"{what}: side {side} is not 4·4^s with s >= 1; every stage scales by 4 (valid: 16, 64, 256, 1024)");
    }

    /// <summary>Checks the fields; a bad value throws naming the field.</summary>
    public VaeConfig Validate()
    {
        if (Vertices <= 0) throw new ArgumentException($"VaeConfig.Vertices: expected a positive count, got {Vertices}");
        if (Latent <= 0) throw new ArgumentException($"VaeConfig.Latent: expected a positive size, got {Latent}");
        if (Cameras <= 0) throw new ArgumentException($"VaeConfig.Cameras: expected a positive count, got {Cameras}");
        StagesFor(TexSize, "VaeConfig.TexSize");
        return this;
    }
}
