using Hw4.Ml.Imaging;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Imaging;

public sealed class ImageTensorsTests
{
    [Fact]
    public void ToTensorThenToImage_RoundTripsAndUsesChwOn0To255()
    {
        using var scope = NewDisposeScope();
        var image = new RgbImage(2, 1, [10, 20, 30, 200, 210, 255]);

        var chw = ImageTensors.ToTensor(image, CPU);

        Assert.Equal(new long[] { 3, 1, 2 }, chw.shape);
        Assert.Equal(ScalarType.Float32, chw.dtype);
        Assert.Equal(255f, chw[2, 0, 1].item<float>());
        Assert.Equal(image.Pixels, ImageTensors.ToImage(chw).Pixels);
    }

    [Fact]
    public void ToImage_OutOfRange_ClampsAndRounds()
    {
        using var scope = NewDisposeScope();
        var chw = tensor(new[] { -5f, 300f, 127.6f }).reshape(3, 1, 1);

        Assert.Equal(new byte[] { 0, 255, 128 }, ImageTensors.ToImage(chw).Pixels);
    }

    [Fact]
    public void Psnr_KnownError_MatchesFormula()
    {
        using var scope = NewDisposeScope();
        var a = zeros(3, 4, 4);
        var b = full(new long[] { 3, 4, 4 }, 5f);

        Assert.Equal(10 * Math.Log10(255.0 * 255 / 25), ImageTensors.Psnr(a, b), 9);
    }

    [Fact]
    public void ToPreview_LargeImage_FitsMaxSide()
    {
        using var scope = NewDisposeScope();
        var chw = rand(3, 40, 100) * 255;

        var preview = ImageTensors.ToPreview(chw, 25);

        Assert.Equal((25, 10), (preview.Width, preview.Height));
    }
}
