using Bunit;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Tests.Cli;
using Microsoft.AspNetCore.Components.Forms;
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
        Context.Services.AddSingleton<RunQueue>();
        Context.Services.AddSingleton(new DeviceContext(TorchSharp.torch.CPU));
        // No shared parrots: the page starts without an input. The data folder is configured (an empty one) rather than
        // searched for: a search walks up from the temp folder, and a /tmp/shared made by anyone on the machine (a fresh
        // clone beside /tmp with ../shared) handed these tests the real parrots, failing both refusal tests.
        Context.Services.AddSingleton(new DataLocator(_dir, []));
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
    public void Upload_TextRenamedToPng_RefusedNamingTheFile()
    {
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Denoise.Denoise>();

        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromText("not an image", "notes.png"));

        cut.WaitForAssertion(() => Assert.Equal("'notes.png' is not a PNG or JPEG image.", cut.Instance.InputError), TimeSpan.FromSeconds(10));
        Assert.Null(cut.Instance.Session.Noisy);
    }
}
