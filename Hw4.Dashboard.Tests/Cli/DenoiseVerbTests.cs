using System.Text.Json;
using Hw4.Dashboard.Cli;
using Hw4.Ml.Imaging;

namespace Hw4.Dashboard.Tests.Cli;

public sealed class DenoiseVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteImage(string name, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[12 * 10 * 3];
        random.NextBytes(pixels);
        var path = Path.Combine(_dir, name);
        ImageFile.Save(new RgbImage(12, 10, pixels), path);
        return path;
    }

    [Fact]
    public async Task Denoise_Json_LastLineHasEveryKeyAndWritesOutput()
    {
        var noisy = WriteImage("noisy.png", 1);
        var clean = WriteImage("clean.png", 2);
        var output = Path.Combine(_dir, "out.png");

        var run = await CliRun.RunAsync("denoise", "--image", noisy, "--clean", clean, "--steps", "3", "--lr", "0.1",
            "--out", output, "--device", "cpu", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.LastStdoutLine);
        var root = doc.RootElement;
        Assert.Equal(
            ["norm", "optimizer", "lr", "alpha", "steps", "initial_loss", "final_loss", "psnr_input", "psnr_output", "seconds", "output"],
            root.EnumerateObject().Select(p => p.Name));
        // Preset seed, with --steps and --lr overriding it.
        Assert.Equal("l1", root.GetProperty("norm").GetString());
        Assert.Equal("gd", root.GetProperty("optimizer").GetString());
        Assert.Equal(1.5, root.GetProperty("alpha").GetDouble());
        Assert.Equal(0.1, root.GetProperty("lr").GetDouble());
        Assert.Equal(3, root.GetProperty("steps").GetInt32());
        Assert.True(root.GetProperty("final_loss").GetDouble() < root.GetProperty("initial_loss").GetDouble());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("psnr_output").ValueKind);
        Assert.Equal(output, root.GetProperty("output").GetString());
        Assert.Equal((12, 10), (ImageFile.Load(output).Width, ImageFile.Load(output).Height));
    }

    [Fact]
    public async Task Denoise_WithoutClean_PsnrIsNull()
    {
        var run = await CliRun.RunAsync("denoise", "--image", WriteImage("noisy.png", 1), "--steps", "1",
            "--out", Path.Combine(_dir, "out.png"), "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.LastStdoutLine);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("psnr_input").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("psnr_output").ValueKind);
    }

    [Fact]
    public async Task Denoise_NotAnImage_ExitsTwoWithOneLineNamingTheFile()
    {
        var path = Path.Combine(_dir, "notes.png");
        await File.WriteAllTextAsync(path, "not an image");

        var run = await CliRun.RunAsync("denoise", "--image", path, "--json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("error: 'notes.png' is not a PNG or JPEG image.", Assert.Single(run.StderrLines));
    }

    [Theory]
    [InlineData("--norm", "l3")]
    [InlineData("--preset", "fastest")]
    [InlineData("--lr", "-1")]
    [InlineData("--steps", "many")]
    public async Task Denoise_BadOption_ExitsTwoWithOneLine(string option, string value)
    {
        var run = await CliRun.RunAsync("denoise", "--image", WriteImage("noisy.png", 1), option, value, "--json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error:", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Denoise_MissingImageOption_ExitsTwo()
    {
        var run = await CliRun.RunAsync("denoise", "--json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--image", Assert.Single(run.StderrLines));
    }
}
