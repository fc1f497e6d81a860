using Hw4.Ml.Transforms;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Transforms;

public sealed class ToTensorTests
{
    [Fact]
    public void FromBytes_Uint8Batch_DividesBy255AsFloat32()
    {
        using var scope = NewDisposeScope();
        var bytes = tensor(new byte[] { 0, 51, 255 }, [1, 3, 1, 1]);

        var x = ToTensor.FromBytes(bytes);

        Assert.Equal(ScalarType.Float32, x.dtype);
        Assert.Equal(new[] { 0f, 0.2f, 1f }, x.flatten().data<float>().ToArray());
    }

    [Fact]
    public void FromBytes_ChwSpan_KeepsLayout()
    {
        using var scope = NewDisposeScope();
        var pixels = Enumerable.Range(0, 2 * 3 * 2 * 2).Select(i => (byte)i).ToArray();

        var x = ToTensor.FromBytes(pixels, 2, 2, 2);

        Assert.Equal(new long[] { 2, 3, 2, 2 }, x.shape);
        Assert.Equal(13 / 255f, x[1, 0, 0, 1].item<float>());
    }

    [Fact]
    public void FromBytes_WrongLength_ThrowsNamingSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => ToTensor.FromBytes(new byte[10], 1, 2, 2));

        Assert.Contains("10 bytes", ex.Message);
        Assert.Contains("need 12", ex.Message);
    }

    [Fact]
    public void FromBytes_FloatTensor_Throws()
    {
        using var x = zeros(1, 3, 2, 2);

        var ex = Assert.Throws<ArgumentException>(() => ToTensor.FromBytes(x));

        Assert.Contains("uint8", ex.Message);
    }
}
