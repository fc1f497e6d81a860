using Bunit;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Tests.Cli;
using Hw4.Dashboard.Features.Denoising;
using Hw4.Ml.Imaging;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Tests.Components.Pages.Denoise;

/// <summary>Hostile uploads on the Denoise page: the same checks as the CLI, shown as the page's input error.</summary>
public sealed class DenoiseUploadTests : MudBunitTest, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-denoise-upload-").FullName;

    public DenoiseUploadTests()
    {
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddSingleton(Options.Create(new StreamingOptions()));
        Context.Services.AddSingleton(Options.Create(new QueueOptions()));
        Context.Services.AddSingleton<RunEventNotifier>();
        Context.Services.AddRunQueue();
        Context.Services.AddSingleton(new DeviceContext(TorchSharp.torch.CPU));
        // No shared parrots: the page starts without an input.
        // The temp folder as the data folder: a search from /tmp upwards would find any /tmp/shared on the machine.
        Context.Services.AddSingleton(new DataLocator(_dir, []));
        // A small pixel cap and threshold, so that small crafted uploads exercise both.
        Context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hw4:Denoise:LargeImagePixels"] = "2500",
            ["Hw4:Denoise:MaxPixels"] = "1000000",
        }).Build());
        Context.Services.AddOptions<Hw4Options>().Configure(o => o.ArtifactsDir = Path.Combine(_dir, "runs"));
        Context.Services.AddDenoising();
    }

    // A PNG signature and an IHDR claiming width × height, with no pixels behind it: decoding it would fail.
    private static byte[] HeaderOnlyPng(int width, int height)
    {
        byte[] header = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
            0, 0, 0, 0, 0, 0, 0, 0, 8, 2, 0, 0, 0, 0, 0, 0, 0];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(20), height);
        var crc = System.IO.Hashing.Crc32.HashToUInt32(header.AsSpan(12, 17));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(29), crc);
        return header;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Upload_PngWhoseTextInflatesTo256MiB_AcceptedAsTheInputWithoutError()
    {
        var bomb = File.ReadAllBytes(Bombs.PngText(Path.Combine(_dir, "bomb.png"), 256L << 20));
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Denoise.Denoise>();

        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromBinary(bomb, "bomb.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Equal("bomb.png", cut.Instance.Session.SourceName), TimeSpan.FromSeconds(10));
        Assert.Null(cut.Instance.InputError);
        Assert.Equal((4, 4), (cut.Instance.Session.Noisy!.Width, cut.Instance.Session.Noisy.Height));
        Assert.StartsWith("data:image/png;base64,", cut.Instance.Session.NoisyDataUrl);
    }

    [Fact]
    public void Upload_HeaderClaiming5000x5000_RefusedWithTheReasonAndNoInput()
    {
        // A PNG signature and an IHDR claiming 5000x5000, with no pixels behind it.
        byte[] header = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
            0, 0, 0x13, 0x88, 0, 0, 0x13, 0x88, 8, 2, 0, 0, 0, 0, 0, 0, 0];
        var crc = System.IO.Hashing.Crc32.HashToUInt32(header.AsSpan(12, 17));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(29), crc);
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Denoise.Denoise>();

        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromBinary(header, "huge.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Equal("Image 'huge.png' is 5000x5000; the limit is 4096x4096.", cut.Instance.InputError), TimeSpan.FromSeconds(10));
        Assert.Null(cut.Instance.Session.Noisy);
        cut.WaitForAssertion(() => Assert.Contains("is 5000x5000; the limit is 4096x4096.", cut.Markup), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Upload_HeaderAboveThePixelCap_RefusedBeforeDecodingNamingTheFileAndTheCap()
    {
        // 2000×1000 = 2 000 000 px, within the 4096² sides but over the configured 1 000 000-pixel cap.
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Denoise.Denoise>();

        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromBinary(HeaderOnlyPng(2000, 1000), "wide.png", contentType: "image/png"));

        // The header's figures and the cap: a decode was never tried (it would say "cannot be decoded", there being no pixels).
        const string reason = "Image 'wide.png' is 2000x1000 = 2000000 pixels; the limit is 1000000.";
        cut.WaitForAssertion(() => Assert.Equal(reason, cut.Instance.InputError), TimeSpan.FromSeconds(10));
        Assert.Null(cut.Instance.Session.Noisy);
        Assert.Null(cut.Instance.Input.Noisy);
        // Shown next to the upload, in the Image panel.
        Assert.Equal(reason, cut.Find("[data-testid=input-error]").TextContent.Trim());
    }

    [Fact]
    public void Upload_AboveTheThreshold_ShowsSizeAndEstimateAndOffersCropOrDownscale()
    {
        // 80×50 = 4000 px, above the 2500-px threshold configured here.
        var path = Path.Combine(_dir, "big.png");
        ImageFile.Save(new RgbImage(80, 50, Enumerable.Range(0, 80 * 50 * 3).Select(i => (byte)(i * 7 % 251)).ToArray()), path);
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Denoise.Denoise>();

        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromBinary(File.ReadAllBytes(path), "big.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Contains("measured here", cut.Find("[data-testid=step-estimate]").TextContent), TimeSpan.FromSeconds(20));
        Assert.Equal("Size: 80×50 (4,000 px)", cut.Find("[data-testid=image-size]").TextContent.Trim());
        Assert.Contains("downscale to 63×39", cut.Find("[data-testid=large-image]").TextContent);
        // A downscale by default: the run gets 63×39 (2457 px ≤ 2500), all of the picture.
        Assert.Equal((63, 39), (cut.Instance.Session.Noisy!.Width, cut.Instance.Session.Noisy.Height));
        Assert.Equal("downscale of 80×50", cut.Instance.Input.FitDescription);

        cut.FindAll("[data-testid=image-fit] input")[1].Click();
        cut.WaitForAssertion(() => Assert.Equal("centre crop of 80×50", cut.Instance.Input.FitDescription), TimeSpan.FromSeconds(10));
        // The centre at full resolution: the same pixels as the original there.
        var expected = ImageFile.Load(path).Crop((80 - 63) / 2, (50 - 39) / 2, 63, 39);
        cut.WaitForAssertion(() => Assert.Equal(expected.Pixels, cut.Instance.Session.Noisy!.Pixels), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Upload_TextRenamedToPng_RefusedNamingTheFile()
    {
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Denoise.Denoise>();

        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromText("not an image", "notes.png"));

        cut.WaitForAssertion(() => Assert.Equal("'notes.png' is not a PNG or JPEG image.", cut.Instance.InputError), TimeSpan.FromSeconds(10));
        Assert.Null(cut.Instance.Session.Noisy);
    }
}
