using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Privatar.Core;

/// <summary>
/// A small PNG codec. Writing is deterministic (8-bit RGB, filter "Sub" on every row, one IDAT,
/// no timestamps), so equal pixels give equal bytes. Reading covers what capture pipelines write:
/// 8-bit grey, grey+alpha, RGB and RGBA, non-interlaced, all five row filters; alpha is dropped.
/// </summary>
public static class Png
{
    static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static void Write(string path, RgbImage image) => AtomicFile.WriteAllBytes(path, Encode(image));

    public static byte[] Encode(RgbImage image)
    {
        int w = image.Width, h = image.Height, stride = w * 3;
        var raw = new byte[(stride + 1) * h];
        for (int y = 0; y < h; y++)
        {
            int src = y * stride, dst = y * (stride + 1);
            raw[dst] = 1; // Sub: each byte minus the same channel of the pixel to its left
            for (int i = 0; i < stride; i++)
                raw[dst + 1 + i] = (byte)(image.Pixels[src + i] - (i >= 3 ? image.Pixels[src + i - 3] : 0));
        }
        using var zipped = new MemoryStream();
        using (var z = new ZLibStream(zipped, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw);

        using var png = new MemoryStream();
        png.Write(Signature);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, w);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), h);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type RGB
        WriteChunk(png, "IHDR", ihdr);
        WriteChunk(png, "IDAT", zipped.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Reads an RGB image; errors name the file and what was expected.</summary>
    public static RgbImage Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found (expected a PNG image)", path);
        try
        {
            return Decode(File.ReadAllBytes(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads a PNG and checks its size against what the rest of the data says it must be.</summary>
    public static RgbImage Read(string path, int width, int height, string sizeSource)
    {
        var img = Read(path);
        if (img.Width != width || img.Height != height)
            throw new InvalidDataException(
                $"{path}: image is {img.Width}x{img.Height} (WxH), expected {width}x{height} ({sizeSource})");
        return img;
    }

    public static RgbImage Decode(byte[] bytes)
    {
        if (bytes.Length < 8 || !bytes.AsSpan(0, 8).SequenceEqual(Signature))
            throw new InvalidDataException("not a PNG file (bad signature)");
        int pos = 8, width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        while (true)
        {
            if (pos + 12 > bytes.Length) throw new InvalidDataException("truncated PNG (no IEND chunk)");
            int len = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(bytes, pos + 4, 4);
            if (len < 0 || pos + 12 + len > bytes.Length) throw new InvalidDataException($"truncated PNG chunk {type}");
            var data = bytes.AsSpan(pos + 8, len);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(pos + 8 + len));
            if (Crc32.HashToUInt32(bytes.AsSpan(pos + 4, len + 4)) != crc) throw new InvalidDataException($"PNG chunk {type} fails its CRC");
            pos += 12 + len;
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8) throw new InvalidDataException($"PNG bit depth {data[8]} is not supported, expected 8");
                if (data[12] != 0) throw new InvalidDataException("interlaced PNG is not supported, expected non-interlaced");
                channels = data[9] switch
                {
                    0 => 1, 4 => 2, 2 => 3, 6 => 4,
                    _ => throw new InvalidDataException($"PNG colour type {data[9]} is not supported, expected grey, RGB or RGBA"),
                };
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
        }
        if (channels == 0) throw new InvalidDataException("PNG has no IHDR chunk");
        return new RgbImage(width, height, ToRgb(Unfilter(Inflate(idat, (width * channels + 1) * height), width, height, channels), channels));
    }

    static byte[] Inflate(MemoryStream idat, int expected)
    {
        idat.Position = 0;
        var raw = new byte[expected];
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        int n = 0, r;
        while (n < expected && (r = z.Read(raw, n, expected - n)) > 0) n += r;
        if (n != expected) throw new InvalidDataException($"PNG image data holds {n} bytes, expected {expected}");
        return raw;
    }

    static byte[] Unfilter(byte[] raw, int width, int height, int bpp)
    {
        int stride = width * bpp;
        var outp = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)], src = y * (stride + 1) + 1, dst = y * stride;
            for (int i = 0; i < stride; i++)
            {
                int a = i >= bpp ? outp[dst + i - bpp] : 0, b = y > 0 ? outp[dst + i - stride] : 0;
                int c = i >= bpp && y > 0 ? outp[dst + i - stride - bpp] : 0;
                int pred = filter switch
                {
                    0 => 0, 1 => a, 2 => b, 3 => (a + b) >> 1, 4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG row {y} has filter type {filter}, expected 0-4"),
                };
                outp[dst + i] = (byte)(raw[src + i] + pred);
            }
        }
        return outp;
    }

    static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    static byte[] ToRgb(byte[] px, int channels)
    {
        if (channels == 3) return px;
        int n = px.Length / channels;
        var rgb = new byte[n * 3];
        for (int i = 0; i < n; i++)
        {
            int s = i * channels;
            byte r = px[s], g = channels >= 3 ? px[s + 1] : r, b = channels >= 3 ? px[s + 2] : r;
            rgb[3 * i] = r; rgb[3 * i + 1] = g; rgb[3 * i + 2] = b;
        }
        return rgb;
    }

    static void WriteChunk(Stream s, string type, byte[] data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, head[4..]);
        s.Write(head);
        s.Write(data);
        var crc = new Crc32();
        crc.Append(head[4..]);
        crc.Append(data);
        Span<byte> c = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(c, crc.GetCurrentHashAsUInt32());
        s.Write(c);
    }
}
