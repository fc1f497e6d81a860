using System.Buffers.Binary;
using Hw4.Ml.Imaging;

namespace Hw4.Ml.Tests.Imaging;

public sealed class ImageFitTests
{
    private static RgbImage Gradient(int w, int h) => new(w, h, Enumerable.Range(0, w * h * 3).Select(i => (byte)(i % 251)).ToArray());

    [Fact]
    public void FittedSize_4000x3000To1MegaPixel_KeepsTheAspectRatioWithinTheBudget()
    {
        var (w, h) = ImageFit.FittedSize(4000, 3000, 1024 * 1024);

        Assert.Equal((1182, 886), (w, h));
        Assert.True((long)w * h <= 1024 * 1024);
    }

    [Fact]
    public void CentreCrop_LargeImage_IsTheMiddleAtFullResolution()
    {
        var image = Gradient(40, 20);

        var crop = ImageFit.CentreCrop(image, 200);

        Assert.Equal((20, 10), (crop.Width, crop.Height));
        Assert.Equal(image.Crop(10, 5, 20, 10).Pixels, crop.Pixels);
    }

    [Fact]
    public void Downscale_LargeImage_HasTheFittedSizeAndSmallOnesComeBackAsTheyAre()
    {
        var image = Gradient(40, 20);

        var small = ImageFit.Downscale(image, 200);

        Assert.Equal((20, 10), (small.Width, small.Height));
        Assert.Same(image, ImageFit.Downscale(image, 800));
        Assert.Same(image, ImageFit.CentreCrop(image, 800));
    }

    [Fact]
    public void Identify_HeaderOverThePixelCap_RefusedNamingFileAndCapWithoutDecoding()
    {
        // A PNG signature and an IHDR only: decoding it would fail with "cannot be decoded".
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
            0, 0, 0, 0, 0, 0, 0, 0, 8, 2, 0, 0, 0, 0, 0, 0, 0];
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 3000);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 2000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), System.IO.Hashing.Crc32.HashToUInt32(png.AsSpan(12, 17)));
        var limits = ImageLimits.Default with { MaxPixels = 5_000_000 };

        var identify = Assert.Throws<ImageLoadException>(() => ImageFile.Identify(png, "big.png", limits));
        var decode = Assert.Throws<ImageLoadException>(() => ImageFile.Decode(png, "big.png", limits));

        Assert.Equal("Image 'big.png' is 3000x2000 = 6000000 pixels; the limit is 5000000.", identify.Message);
        Assert.Equal(identify.Message, decode.Message);
        // Within the cap the header passes, and only the decode finds there are no pixels.
        Assert.Equal(new ImageHeader(3000, 2000, "png"), ImageFile.Identify(png, "big.png", ImageLimits.Default));
        Assert.Contains("cannot be decoded", Assert.Throws<ImageLoadException>(() => ImageFile.Decode(png, "big.png")).Message);
    }
}
