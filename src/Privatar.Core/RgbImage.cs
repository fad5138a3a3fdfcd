namespace Privatar.Core;

/// <summary>An 8-bit RGB image, rows top to bottom, pixels interleaved (HWC), as stored in a PNG.</summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, byte[]? pixels = null)
    {
        if (width <= 0 || height <= 0) throw new ArgumentException($"image size must be positive, got {width}x{height}");
        Width = width;
        Height = height;
        Pixels = pixels ?? new byte[checked(width * height * 3)];
        if (Pixels.Length != width * height * 3)
            throw new ArgumentException($"pixel buffer holds {Pixels.Length} bytes, expected {width}x{height}x3 = {width * height * 3}");
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Pixels { get; }

    public int Offset(int x, int y) => (y * Width + x) * 3;

    public void Set(int x, int y, byte r, byte g, byte b)
    {
        var o = Offset(x, y);
        Pixels[o] = r;
        Pixels[o + 1] = g;
        Pixels[o + 2] = b;
    }
}
