using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace Privatar.Core;

/// <summary>Element types this reader and writer handle: little-endian float32, float64 and int64.</summary>
public enum NpyDType { Float32, Float64, Int64 }

/// <summary>A C-ordered n-dimensional array as stored in a <c>.npy</c> file; <see cref="Data"/> is float[], double[] or long[].</summary>
public sealed class NpyArray
{
    public NpyArray(NpyDType dtype, int[] shape, Array data)
    {
        long count = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new ArgumentException($"npy shape ({string.Join(", ", shape)}) has a negative extent");
            count *= d;
        }
        if (data.Length != count)
            throw new ArgumentException($"npy data holds {data.Length} elements but shape ({string.Join(", ", shape)}) needs {count}");
        var expected = dtype switch { NpyDType.Float32 => typeof(float[]), NpyDType.Float64 => typeof(double[]), _ => typeof(long[]) };
        if (data.GetType() != expected) throw new ArgumentException($"npy dtype {dtype} needs a {expected.Name}, got {data.GetType().Name}");
        DType = dtype;
        Shape = (int[])shape.Clone();
        Data = data;
    }

    public NpyDType DType { get; }
    public int[] Shape { get; }
    public Array Data { get; }
    public int Rank => Shape.Length;

    /// <summary>The elements in C order, widened or converted to double.</summary>
    public double[] ToDoubles() => Data switch
    {
        double[] d => (double[])d.Clone(),
        float[] f => Array.ConvertAll(f, x => (double)x),
        long[] l => Array.ConvertAll(l, x => (double)x),
        _ => throw new InvalidOperationException("unreachable"),
    };

    /// <summary>A rank-2 array as a [rows, cols] matrix of doubles.</summary>
    public double[,] ToMatrix()
    {
        if (Rank != 2) throw new InvalidDataException($"expected a 2-D array, got shape ({string.Join(", ", Shape)})");
        var flat = ToDoubles();
        var m = new double[Shape[0], Shape[1]];
        Buffer.BlockCopy(flat, 0, m, 0, flat.Length * sizeof(double));
        return m;
    }
}

/// <summary>
/// NumPy <c>.npy</c> files (format version 1.0 on write; 1.0, 2.0 and 3.0 on read, C or Fortran order). Written bytes equal
/// what <c>numpy.save</c> (NumPy 1.24 and later) produces for the same array, header padding included,
/// so the files are interchangeable with ones the original Python scripts wrote.
/// </summary>
public static partial class Npy
{
    static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    const int Align = 64;            // numpy's ARRAY_ALIGN
    const int GrowthAxisDigits = 21; // numpy's GROWTH_AXIS_MAX_DIGITS: spare room after the dict

    public static void Write(string path, double[] data, params int[] shape) => Write(path, new NpyArray(NpyDType.Float64, shape, data));
    public static void Write(string path, float[] data, params int[] shape) => Write(path, new NpyArray(NpyDType.Float32, shape, data));
    public static void Write(string path, long[] data, params int[] shape) => Write(path, new NpyArray(NpyDType.Int64, shape, data));

    /// <summary>A 0-d float64 array, as <c>np.save(path, np.float64(x))</c> writes it.</summary>
    public static void WriteScalar(string path, double value) => Write(path, [value]);

    public static void Write(string path, double[,] matrix)
    {
        var flat = new double[matrix.Length];
        Buffer.BlockCopy(matrix, 0, flat, 0, flat.Length * sizeof(double));
        Write(path, flat, matrix.GetLength(0), matrix.GetLength(1));
    }

    /// <summary>Writes atomically: readers see the old file or the complete new one.</summary>
    public static void Write(string path, NpyArray array) => AtomicFile.WriteAllBytes(path, Encode(array));

    public static byte[] Encode(NpyArray array)
    {
        var descr = array.DType switch { NpyDType.Float32 => "<f4", NpyDType.Float64 => "<f8", _ => "<i8" };
        var shape = array.Shape.Length switch
        {
            0 => "()",
            1 => $"({Invariant.Format(array.Shape[0])},)",
            _ => "(" + string.Join(", ", array.Shape.Select(d => Invariant.Format(d))) + ")",
        };
        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        if (array.Shape.Length > 0) dict += new string(' ', GrowthAxisDigits - Invariant.Format(array.Shape[0]).Length);
        var hlen = dict.Length + 1;
        var pad = Align - ((Magic.Length + 2 + 2 + hlen) % Align);
        var header = Encoding.ASCII.GetBytes(dict + new string(' ', pad) + "\n");
        if (header.Length > ushort.MaxValue) throw new ArgumentException("npy header too long for format 1.0");

        var elementSize = array.DType == NpyDType.Float32 ? 4 : 8;
        var bytes = new byte[Magic.Length + 4 + header.Length + array.Data.Length * elementSize];
        Magic.CopyTo(bytes, 0);
        bytes[6] = 1; // major version
        bytes[7] = 0; // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)header.Length);
        header.CopyTo(bytes, 10);
        var body = bytes.AsSpan(10 + header.Length);
        switch (array.Data)
        {
            case double[] d: for (var i = 0; i < d.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(body[(8 * i)..], d[i]); break;
            case float[] f: for (var i = 0; i < f.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(body[(4 * i)..], f[i]); break;
            case long[] l: for (var i = 0; i < l.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(body[(8 * i)..], l[i]); break;
        }
        return bytes;
    }

    public static NpyArray Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"npy file '{path}' does not exist", path);
        return Decode(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses the bytes of a <c>.npy</c> file; <paramref name="source"/> names it in error messages.</summary>
    public static NpyArray Decode(byte[] bytes, string source)
    {
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
            throw new InvalidDataException($"'{source}' is not a .npy file (missing the \\x93NUMPY magic)");
        int major = bytes[6], headerStart, headerLength;
        switch (major)
        {
            case 1: headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)); headerStart = 10; break;
            case 2 or 3:
                if (bytes.Length < 12) throw new InvalidDataException($"'{source}': truncated npy header");
                headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8))); headerStart = 12; break;
            default: throw new InvalidDataException($"'{source}': npy format version {major}.{bytes[7]} is not supported (expected 1.0, 2.0 or 3.0)");
        }
        if (headerStart + headerLength > bytes.Length) throw new InvalidDataException($"'{source}': truncated npy header");
        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(bytes, headerStart, headerLength);

        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shapeMatch = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shapeMatch.Success)
            throw new InvalidDataException($"'{source}': npy header lacks 'descr', 'fortran_order' or 'shape': {header.Trim()}");
        var dtype = descr.Groups[1].Value switch
        {
            "<f4" => NpyDType.Float32,
            "<f8" => NpyDType.Float64,
            "<i8" => NpyDType.Int64,
            var other => throw new InvalidDataException($"'{source}': dtype '{other}' is not supported (expected '<f4', '<f8' or '<i8')"),
        };
        var shape = shapeMatch.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, System.Globalization.NumberStyles.None, Invariant.Culture, out var v) ? v
                : throw new InvalidDataException($"'{source}': bad npy shape entry '{s}'"))
            .ToArray();

        long count = shape.Aggregate(1L, (a, d) => a * d);
        var elementSize = dtype == NpyDType.Float32 ? 4 : 8;
        var body = bytes.AsSpan(headerStart + headerLength);
        if (body.Length != count * elementSize)
            throw new InvalidDataException($"'{source}': npy body has {body.Length} bytes, shape ({string.Join(", ", shape)}) of {descr.Groups[1].Value} needs {count * elementSize}");
        Array data = dtype switch
        {
            NpyDType.Float32 => ReadAll(body, 4, s => BinaryPrimitives.ReadSingleLittleEndian(s)),
            NpyDType.Float64 => ReadAll(body, 8, s => BinaryPrimitives.ReadDoubleLittleEndian(s)),
            _ => ReadAll(body, 8, s => BinaryPrimitives.ReadInt64LittleEndian(s)),
        };
        if (fortran.Groups[1].Value == "True") data = FortranToC(data, shape);
        return new NpyArray(dtype, shape, data);
    }

    /// <summary>Reorders column-major elements (first index fastest) into row-major order.</summary>
    static Array FortranToC(Array fortran, int[] shape)
    {
        var c = Array.CreateInstance(fortran.GetType().GetElementType()!, fortran.Length);
        var index = new int[shape.Length];
        for (var f = 0; f < fortran.Length; f++)
        {
            var offset = 0;
            for (var k = 0; k < shape.Length; k++) offset = offset * shape[k] + index[k];
            c.SetValue(fortran.GetValue(f), offset);
            for (var k = 0; k < shape.Length && ++index[k] == shape[k]; k++) index[k] = 0; // odometer, first axis fastest
        }
        return c;
    }

    delegate T SpanReader<T>(ReadOnlySpan<byte> span);

    static T[] ReadAll<T>(ReadOnlySpan<byte> body, int size, SpanReader<T> read)
    {
        var result = new T[body.Length / size];
        for (var i = 0; i < result.Length; i++) result[i] = read(body.Slice(i * size, size));
        return result;
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
