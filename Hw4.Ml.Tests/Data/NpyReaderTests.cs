using System.Text;
using Hw4.Ml.Data;

namespace Hw4.Ml.Tests.Data;

public sealed class NpyReaderTests
{
    private static NpyArray Read(byte[] npy) => NpyReader.Read(new MemoryStream(npy), "test.npy");

    [Theory]
    [InlineData("|u1", new byte[] { 255, 1 }, new long[] { 255, 1 })]
    [InlineData("|i1", new byte[] { 255, 1 }, new long[] { -1, 1 })]
    [InlineData("<i2", new byte[] { 0xFE, 0xFF, 2, 1 }, new long[] { -2, 258 })]
    [InlineData(">u2", new byte[] { 1, 2, 0, 3 }, new long[] { 258, 3 })]
    [InlineData("<u4", new byte[] { 1, 0, 0, 0, 0, 0, 0, 1 }, new long[] { 1, 16777216 })]
    [InlineData(">i4", new byte[] { 0xFF, 0xFF, 0xFF, 0xFE, 0, 0, 0, 9 }, new long[] { -2, 9 })]
    [InlineData("<i8", new byte[] { 5, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, new long[] { 5, -1 })]
    [InlineData(">u8", new byte[] { 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 1, 0 }, new long[] { 7, 256 })]
    public void ToInt64_EachIntegerDtype_DecodesValues(string descr, byte[] data, long[] expected)
    {
        var array = Read(DatasetFiles.Npy(descr, false, [2], data));

        Assert.Equal(expected, array.ToInt64());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Read_EachFormatVersion_ParsesHeader(int version)
    {
        var array = Read(DatasetFiles.Npy("<U4", false, [2], DatasetFiles.Utf32(["ab", "çéü"], 4), version));

        Assert.Equal(["ab", "çéü"], array.ToStrings());
        Assert.Equal([2L], array.Shape);
    }

    [Fact]
    public void ToStrings_BigEndianUnicode_Decodes()
    {
        var array = Read(DatasetFiles.Npy(">U3", false, [1], DatasetFiles.Utf32(["dog"], 3, bigEndian: true)));

        Assert.Equal(["dog"], array.ToStrings());
    }

    [Fact]
    public void Read_PickleFile_RefusedWithReason()
    {
        var ex = Assert.Throws<DatasetException>(() => Read([0x80, 0x04, 0x95, 0, 0, 0, 0, 0, 0]));

        Assert.Contains("pickle", ex.Message);
    }

    [Fact]
    public void Read_TruncatedData_ErrorSaysTruncated()
    {
        var npy = DatasetFiles.Npy("<i8", false, [4], new byte[32]);

        var ex = Assert.Throws<DatasetException>(() => Read(npy[..^5]));

        Assert.Contains("test.npy: truncated", ex.Message);
    }

    [Fact]
    public void Read_FloatDtype_NotSupported()
    {
        var ex = Assert.Throws<DatasetException>(() => Read(DatasetFiles.Npy("<f4", false, [1], new byte[4])));

        Assert.Contains("'<f4' is not supported", ex.Message);
    }

    [Fact]
    public void Read_MalformedHeader_ErrorQuotesHeader()
    {
        var npy = DatasetFiles.Npy("<i8", false, [1], new byte[8]);
        var text = Encoding.Latin1.GetString(npy).Replace("'shape': (1,)", "'shape': [1] ");

        var ex = Assert.Throws<DatasetException>(() => Read(Encoding.Latin1.GetBytes(text)));

        Assert.Contains("test.npy", ex.Message);
    }

    [Fact]
    public void Read_FortranFlag_Reported()
    {
        var array = Read(DatasetFiles.Npy("|u1", true, [2, 3], [1, 2, 3, 4, 5, 6]));

        Assert.True(array.FortranOrder);
        Assert.Equal([2L, 3L], array.Shape);
        Assert.Equal(6, array.Length);
    }
}
