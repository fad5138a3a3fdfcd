using System.Buffers.Binary;
using Privatar.Core;

namespace Privatar.Mnist;

/// <summary>
/// Reads and writes the IDX format used by MNIST: a 4-byte magic (0, 0, type, rank), one
/// big-endian int32 per dimension, then the elements. Every failure names the file and the problem.
/// </summary>
public static class IdxFile
{
    public static IdxArray Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"IDX file not found: {path}", path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a file and checks its type and rank, and each dimension given (null = any).</summary>
    public static IdxArray Read(string path, IdxType type, params int?[] dims)
    {
        var array = Read(path);
        if (array.Type != type)
            throw new InvalidDataException($"{path}: expected IDX element type {type}, found {array.Type}");
        if (array.Dims.Length != dims.Length)
            throw new InvalidDataException(
                $"{path}: expected {dims.Length} dimension(s), found {array.Dims.Length} ({string.Join("x", array.Dims)})");
        for (var i = 0; i < dims.Length; i++)
            if (dims[i] is { } want && array.Dims[i] != want)
                throw new InvalidDataException($"{path}: dimension {i} is {array.Dims[i]}, expected {want}");
        return array;
    }

    public static IdxArray Parse(byte[] bytes, string name)
    {
        if (bytes.Length < 4)
            throw new InvalidDataException($"{name}: truncated IDX header ({bytes.Length} bytes, need at least 4)");
        if (bytes[0] != 0 || bytes[1] != 0 || !Enum.IsDefined((IdxType)bytes[2]))
            throw new InvalidDataException(
                $"{name}: bad IDX magic 0x{bytes[0]:X2}{bytes[1]:X2}{bytes[2]:X2}{bytes[3]:X2} " +
                "(expected 0x0000TTRR with type TT in 08,09,0B,0C,0D,0E); is the file gzip-compressed?");
        var type = (IdxType)bytes[2];
        var rank = bytes[3];
        if (rank == 0) throw new InvalidDataException($"{name}: IDX rank is 0 (expected at least 1 dimension)");
        var header = 4 + 4 * rank;
        if (bytes.Length < header)
            throw new InvalidDataException($"{name}: truncated IDX header ({bytes.Length} bytes, need {header} for rank {rank})");
        var dims = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * i));
            if (dims[i] <= 0) throw new InvalidDataException($"{name}: dimension {i} is {dims[i]} (expected > 0)");
        }
        var expected = dims.Aggregate(1L, (a, d) => a * d) * IdxArray.ElementSize(type);
        var actual = bytes.Length - header;
        if (actual < expected)
            throw new InvalidDataException(
                $"{name}: truncated IDX data: {actual} bytes after the header, expected {expected} for {string.Join("x", dims)} {type}");
        if (actual > expected)
            throw new InvalidDataException(
                $"{name}: {actual - expected} trailing bytes after {string.Join("x", dims)} {type} data");
        return new IdxArray(type, dims, bytes.AsSpan(header).ToArray());
    }

    public static byte[] Serialize(IdxArray array)
    {
        var expected = array.Count * IdxArray.ElementSize(array.Type);
        if (array.Data.Length != expected)
            throw new ArgumentException($"IDX data has {array.Data.Length} bytes, expected {expected} for {string.Join("x", array.Dims)}");
        var bytes = new byte[4 + 4 * array.Dims.Length + array.Data.Length];
        bytes[2] = (byte)array.Type;
        bytes[3] = checked((byte)array.Dims.Length);
        for (var i = 0; i < array.Dims.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), array.Dims[i]);
        array.Data.CopyTo(bytes, 4 + 4 * array.Dims.Length);
        return bytes;
    }

    public static void Write(string path, IdxArray array) => AtomicFile.WriteAllBytes(path, Serialize(array));
}
