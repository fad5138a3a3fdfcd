namespace Privatar.Mnist;

/// <summary>IDX element types (the third byte of the magic number).</summary>
public enum IdxType : byte
{
    UInt8 = 0x08,
    Int8 = 0x09,
    Int16 = 0x0B,
    Int32 = 0x0C,
    Float32 = 0x0D,
    Float64 = 0x0E,
}

/// <summary>
/// One IDX tensor held in memory: its element type, dimensions (outermost first) and the raw
/// element bytes in file order (big-endian for multi-byte types, as the format specifies).
/// </summary>
public sealed record IdxArray(IdxType Type, int[] Dims, byte[] Data)
{
    public long Count => Dims.Aggregate(1L, (a, d) => a * d);

    public static int ElementSize(IdxType type) => type switch
    {
        IdxType.UInt8 or IdxType.Int8 => 1,
        IdxType.Int16 => 2,
        IdxType.Int32 or IdxType.Float32 => 4,
        IdxType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown IDX type"),
    };

    /// <summary>Elements as float32, converting from any stored type.</summary>
    public float[] ToFloats()
    {
        var n = checked((int)Count);
        var result = new float[n];
        var span = Data.AsSpan();
        for (var i = 0; i < n; i++)
            result[i] = Type switch
            {
                IdxType.UInt8 => span[i],
                IdxType.Int8 => (sbyte)span[i],
                IdxType.Int16 => System.Buffers.Binary.BinaryPrimitives.ReadInt16BigEndian(span[(2 * i)..]),
                IdxType.Int32 => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(span[(4 * i)..]),
                IdxType.Float32 => System.Buffers.Binary.BinaryPrimitives.ReadSingleBigEndian(span[(4 * i)..]),
                _ => (float)System.Buffers.Binary.BinaryPrimitives.ReadDoubleBigEndian(span[(8 * i)..]),
            };
        return result;
    }

    public static IdxArray FromBytes(byte[] data, params int[] dims) => new(IdxType.UInt8, dims, data);

    public static IdxArray FromFloats(float[] values, params int[] dims)
    {
        var data = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteSingleBigEndian(data.AsSpan(4 * i), values[i]);
        return new IdxArray(IdxType.Float32, dims, data);
    }
}
