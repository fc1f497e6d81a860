using System.Buffers.Binary;
using System.Text;

namespace Hw4.Ml.Data;

/// <summary>
/// One array read from a NumPy .npy file: its dtype, shape, memory order and raw element bytes (as stored, not
/// byte-swapped). Only plain numeric and fixed-width unicode dtypes exist here; object arrays are refused by
/// <see cref="NpyReader"/>.
/// </summary>
public sealed class NpyArray
{
    internal NpyArray(string name, char byteOrder, char kind, int itemSize, long[] shape, bool fortranOrder, byte[] data)
    {
        Name = name;
        ByteOrder = byteOrder;
        Kind = kind;
        ItemSize = itemSize;
        Shape = shape;
        FortranOrder = fortranOrder;
        Data = data;
    }

    /// <summary>Where the array came from (file or archive entry), for error messages.</summary>
    public string Name { get; }

    /// <summary>'&lt;' little-endian, '&gt;' big-endian or '|' not applicable (single bytes).</summary>
    public char ByteOrder { get; }

    /// <summary>NumPy kind: 'u' unsigned, 'i' signed, 'b' bool, 'U' unicode.</summary>
    public char Kind { get; }

    /// <summary>Bytes per element (for 'U', 4 per character).</summary>
    public int ItemSize { get; }

    /// <summary>Dimensions, outermost first.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>True when the elements are stored column-major (first index fastest).</summary>
    public bool FortranOrder { get; }

    /// <summary>Element bytes in storage order.</summary>
    public byte[] Data { get; }

    /// <summary>Number of elements (product of the shape; 1 for a scalar).</summary>
    public long Length => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The dtype as NumPy writes it, e.g. "&lt;i8".</summary>
    public string Descr => Kind == 'U' ? $"{ByteOrder}U{ItemSize / 4}" : $"{ByteOrder}{Kind}{ItemSize}";

    /// <summary>The elements as 64-bit integers in storage order; throws for non-integer dtypes and u8 values above long.MaxValue.</summary>
    public long[] ToInt64()
    {
        if (Kind is not ('u' or 'i' or 'b'))
            throw new DatasetException($"{Name}: dtype {Descr} is not an integer type.");
        var bigEndian = ByteOrder == '>';
        var result = new long[Length];
        for (long i = 0; i < result.LongLength; i++)
        {
            var bytes = Data.AsSpan((int)(i * ItemSize), ItemSize);
            result[i] = (Kind, ItemSize) switch
            {
                ('u', 1) or ('b', 1) => bytes[0],
                ('i', 1) => (sbyte)bytes[0],
                ('u', 2) => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes),
                ('i', 2) => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(bytes) : BinaryPrimitives.ReadInt16LittleEndian(bytes),
                ('u', 4) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes),
                ('i', 4) => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes) : BinaryPrimitives.ReadInt32LittleEndian(bytes),
                ('i', 8) => bigEndian ? BinaryPrimitives.ReadInt64BigEndian(bytes) : BinaryPrimitives.ReadInt64LittleEndian(bytes),
                ('u', 8) => ToSigned(bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes), i),
                _ => throw new DatasetException($"{Name}: dtype {Descr} is not supported."),
            };
        }

        return result;
    }

    /// <summary>The elements of a unicode ('U') array as strings, in storage order, trailing NULs removed.</summary>
    public string[] ToStrings()
    {
        if (Kind != 'U')
            throw new DatasetException($"{Name}: dtype {Descr} is not a unicode string type.");
        var encoding = ByteOrder == '>' ? new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true)
            : new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true);
        var result = new string[Length];
        try
        {
            for (var i = 0; i < result.Length; i++)
                result[i] = encoding.GetString(Data, i * ItemSize, ItemSize).TrimEnd('\0');
        }
        catch (DecoderFallbackException ex)
        {
            throw new DatasetException($"{Name}: invalid UTF-32 text.", ex);
        }

        return result;
    }

    private long ToSigned(ulong value, long index) => value <= long.MaxValue
        ? (long)value
        : throw new DatasetException($"{Name}: element {index} ({value}) is too large.");
}
