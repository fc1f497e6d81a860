using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Hw4.Ml.Data;

/// <summary>
/// Reads NumPy .npy arrays (format versions 1.0, 2.0 and 3.0): parses the header dictionary (descr, fortran_order,
/// shape) and reads the raw elements. Object dtypes, which NumPy stores as pickles, are refused: unpickling runs
/// arbitrary code and is never done here.
/// </summary>
public static class NpyReader
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    // Bounds a crafted header before any allocation.
    private const int MaxHeaderBytes = 1 << 20;

    /// <summary>
    /// Reads one array from <paramref name="stream"/>; <paramref name="name"/> names it in error messages. The data may
    /// be at most <see cref="Array.MaxLength"/> bytes.
    /// </summary>
    /// <exception cref="DatasetException">The stream is not a valid .npy, is truncated, or holds an unsupported dtype.</exception>
    public static NpyArray Read(Stream stream, string name) => Read(stream, name, Array.MaxLength);

    /// <summary>
    /// Reads one array whose data is at most <paramref name="maxDataBytes"/> bytes: a header whose shape claims more is
    /// refused before anything is allocated or read.
    /// </summary>
    /// <exception cref="DatasetException">The stream is not a valid .npy, is truncated, holds an unsupported dtype, or its shape is over the cap.</exception>
    public static NpyArray Read(Stream stream, string name, long maxDataBytes) => Read(stream, name, maxDataBytes, null);

    /// <summary>As <see cref="Read(Stream, string, long)"/>; <paramref name="charge"/> sees the data size before it is allocated and may refuse it.</summary>
    internal static NpyArray Read(Stream stream, string name, long maxDataBytes, Action<long>? charge)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDataBytes);
        maxDataBytes = Math.Min(maxDataBytes, Array.MaxLength);
        Span<byte> preamble = stackalloc byte[8];
        var got = ReadAtMost(stream, preamble);
        if (got > 0 && preamble[0] == 0x80)
            throw new DatasetException($"{name}: is a Python pickle, not a .npy array; pickles are refused because loading them can run code.");
        if (got < 8 || !preamble[..6].SequenceEqual(Magic))
            throw new DatasetException($"{name}: not a .npy file (bad magic).");

        var major = preamble[6];
        int headerLength;
        Span<byte> lengthBytes = stackalloc byte[4];
        switch (major)
        {
            case 1:
                ReadExactly(stream, lengthBytes[..2], name, "header length");
                headerLength = BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes);
                break;
            case 2 or 3:
                ReadExactly(stream, lengthBytes, name, "header length");
                var length = BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
                headerLength = length <= MaxHeaderBytes ? (int)length : throw new DatasetException($"{name}: header of {length} bytes is implausibly large.");
                break;
            default:
                throw new DatasetException($"{name}: .npy format version {major}.{preamble[7]} is not supported (1.0, 2.0, 3.0 are).");
        }

        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes, name, "header");
        // Versions 1 and 2 store the header in latin-1; version 3 allows UTF-8 (for unicode field names).
        var header = major == 3 ? Encoding.UTF8.GetString(headerBytes) : Encoding.Latin1.GetString(headerBytes);
        var (descr, fortranOrder, shape) = ParseHeader(header, name);
        var (byteOrder, kind, itemSize) = ParseDescr(descr, name);

        // Elements beyond this would overflow or exceed the cap, whatever the rest of the shape is.
        var maxCount = maxDataBytes / itemSize;
        var count = shape.Contains(0) ? 0L : 1L;
        foreach (var dimension in shape)
        {
            if (dimension < 0)
                throw new DatasetException($"{name}: shape ({string.Join(", ", shape)}) has a negative dimension.");
            if (count > 0 && dimension > maxCount / count)
                throw TooLarge(name, shape, itemSize, maxDataBytes);
            count *= dimension;
        }

        charge?.Invoke(count * itemSize);
        var data = GC.AllocateUninitializedArray<byte>((int)(count * itemSize));
        ReadExactly(stream, data, name, "data");
        return new NpyArray(name, byteOrder, kind, itemSize, shape, fortranOrder, data);
    }

    /// <summary>Reads one .npy file.</summary>
    /// <exception cref="DatasetException">See <see cref="Read(Stream, string)"/>.</exception>
    public static NpyArray ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    private static DatasetException TooLarge(string name, long[] shape, int itemSize, long maxDataBytes)
    {
        var claimed = shape.Aggregate(new System.Numerics.BigInteger(itemSize), (a, d) => a * d);
        var cap = maxDataBytes == Array.MaxLength
            ? $"the largest .NET array (Array.MaxLength, {Array.MaxLength:N0} bytes)"
            : $"the {maxDataBytes:N0}-byte cap for one array (MaxMemberBytes)";
        return new DatasetException(string.Create(CultureInfo.InvariantCulture,
            $"{name}: shape ({string.Join(", ", shape)}) claims {claimed:N0} bytes of data, more than {cap}."));
    }

    private static (string Descr, bool FortranOrder, long[] Shape) ParseHeader(string header, string name)
    {
        var parser = new HeaderParser(header, name);
        var dict = parser.ParseDict();
        if (!dict.TryGetValue("descr", out var descr) || descr is not string descrText)
            throw new DatasetException($"{name}: header has no plain 'descr' (structured dtypes are not supported): {header.Trim()}");
        if (!dict.TryGetValue("fortran_order", out var order) || order is not bool fortran)
            throw new DatasetException($"{name}: header has no 'fortran_order': {header.Trim()}");
        if (!dict.TryGetValue("shape", out var shapeValue) || shapeValue is not long[] shape)
            throw new DatasetException($"{name}: header has no 'shape' tuple: {header.Trim()}");
        return (descrText, fortran, shape);
    }

    private static (char ByteOrder, char Kind, int ItemSize) ParseDescr(string descr, string name)
    {
        var text = descr;
        var byteOrder = '|';
        if (text.Length > 0 && text[0] is '<' or '>' or '|' or '=')
        {
            // '=' is native order; .NET runs little-endian everywhere this project ships.
            byteOrder = text[0] == '=' ? '<' : text[0];
            text = text[1..];
        }

        if (text.StartsWith('O'))
            throw new DatasetException($"{name}: dtype '{descr}' is an object array (stored as a pickle); refused because loading pickles can run code.");
        if (text.Length < 2 || !int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size <= 0)
            throw new DatasetException($"{name}: dtype '{descr}' is not understood.");
        var kind = text[0];
        var itemSize = kind switch
        {
            'u' or 'i' when size is 1 or 2 or 4 or 8 => size,
            'b' when size == 1 => 1,
            'U' when size <= 1 << 16 => size * 4,
            _ => throw new DatasetException($"{name}: dtype '{descr}' is not supported (u1..u8, i1..i8, b1, U<n> are)."),
        };
        if (itemSize > 1 && byteOrder == '|')
            throw new DatasetException($"{name}: dtype '{descr}' has no byte order.");
        return (byteOrder, kind, itemSize);
    }

    private static int ReadAtMost(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0)
                break;
            total += n;
        }

        return total;
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string name, string what)
    {
        if (ReadAtMost(stream, buffer) != buffer.Length)
            throw new DatasetException($"{name}: truncated ({what} ends early).");
    }

    /// <summary>A parser for the Python-literal dict in the header: strings, True/False, ints and int tuples.</summary>
    private sealed class HeaderParser(string text, string name)
    {
        private int _pos;

        public Dictionary<string, object> ParseDict()
        {
            var result = new Dictionary<string, object>(StringComparer.Ordinal);
            Expect('{');
            while (true)
            {
                SkipSpace();
                if (Peek() == '}')
                {
                    _pos++;
                    return result;
                }

                var key = ParseString();
                Expect(':');
                result[key] = ParseValue();
                SkipSpace();
                if (Peek() == ',')
                    _pos++;
                else if (Peek() != '}')
                    throw Error("expected ',' or '}'");
            }
        }

        private object ParseValue()
        {
            SkipSpace();
            var c = Peek();
            if (c is '\'' or '"')
                return ParseString();
            if (c == '(')
                return ParseTuple();
            if (c == '[')
                throw new DatasetException($"{name}: structured dtypes are not supported: {text.Trim()}");
            if (Match("True"))
                return true;
            if (Match("False"))
                return false;
            return ParseInt();
        }

        private long[] ParseTuple()
        {
            Expect('(');
            var values = new List<long>();
            while (true)
            {
                SkipSpace();
                if (Peek() == ')')
                {
                    _pos++;
                    return [.. values];
                }

                values.Add(ParseInt());
                SkipSpace();
                if (Peek() == ',')
                    _pos++;
                else if (Peek() != ')')
                    throw Error("expected ',' or ')'");
            }
        }

        private long ParseInt()
        {
            SkipSpace();
            var start = _pos;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
                _pos++;
            // Python 2 era writers append 'L' to longs.
            var digits = text[start.._pos];
            if (_pos < text.Length && text[_pos] == 'L')
                _pos++;
            return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw Error("expected an integer");
        }

        private string ParseString()
        {
            SkipSpace();
            var quote = Peek();
            if (quote is not ('\'' or '"'))
                throw Error("expected a string");
            var end = text.IndexOf(quote, _pos + 1);
            if (end < 0)
                throw Error("unterminated string");
            var value = text[(_pos + 1)..end];
            _pos = end + 1;
            return value;
        }

        private bool Match(string word)
        {
            if (string.CompareOrdinal(text, _pos, word, 0, word.Length) != 0)
                return false;
            _pos += word.Length;
            return true;
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (Peek() != c)
                throw Error($"expected '{c}'");
            _pos++;
        }

        private char Peek() => _pos < text.Length ? text[_pos] : '\0';

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
                _pos++;
        }

        private DatasetException Error(string what) => new($"{name}: malformed header ({what} at offset {_pos}): {text.Trim()}");
    }
}
