using System.Text.Json;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;
using Hw4.Ml.Imaging;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Tests.Cli;

public sealed class DenoiseVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Runs => Path.Combine(_dir, "runs");

    /// <summary>The one run folder the verb left, read through the run store's own reader.</summary>
    private RunSummary OnlyRun() => RunDirectoryReader.Read(Assert.Single(Directory.GetDirectories(Runs)));

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

        var run = await CliRun.RunAsync("denoise", "--artifacts-dir", Runs, "--image", noisy, "--clean", clean, "--steps", "3", "--lr", "0.1",
            "--out", output, "--device", "cpu", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.LastStdoutLine);
        var root = doc.RootElement;
        Assert.Equal(
            ["run_id", "norm", "optimizer", "lr", "alpha", "steps", "status", "diverged_at_step", "initial_loss", "final_loss", "psnr_input", "psnr_output", "seconds", "output"],
            root.EnumerateObject().Select(p => p.Name));
        // Preset seed, with --steps and --lr overriding it.
        Assert.Equal("l1", root.GetProperty("norm").GetString());
        Assert.Equal("gd", root.GetProperty("optimizer").GetString());
        Assert.Equal(1.5, root.GetProperty("alpha").GetDouble());
        Assert.Equal(0.1, root.GetProperty("lr").GetDouble());
        Assert.Equal(3, root.GetProperty("steps").GetInt32());
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("final_loss").GetDouble() < root.GetProperty("initial_loss").GetDouble());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("psnr_output").ValueKind);
        Assert.Equal(output, root.GetProperty("output").GetString());
        Assert.Equal((12, 10), (ImageFile.Load(output).Width, ImageFile.Load(output).Height));

        // The run is kept where the dashboard lists runs: kind denoise, completed, its curves and both images.
        var stored = OnlyRun();
        Assert.Equal(root.GetProperty("run_id").GetString(), stored.Id);
        Assert.Equal((RunKinds.Denoise, RunStatus.Completed), (stored.Record!.Kind, stored.Record.Status));
        Assert.Equal(3, stored.Record.DenoiseConfig().Options.Steps);
        Assert.Equal(File.ReadAllBytes(output), File.ReadAllBytes(Path.Combine(stored.Directory, RunDirectory.OutputImageFile)));
        Assert.True(File.Exists(Path.Combine(stored.Directory, "clean.png")));
    }

    /// <summary>A 48x48 piecewise-smooth image (a ramp and a bright square) and a copy with Gaussian noise, sigma 25.</summary>
    internal static (string Noisy, string Clean) SyntheticPair(string dir)
    {
        const int size = 48;
        var random = new Random(11);
        var clean = new byte[size * size * 3];
        var noisy = new byte[clean.Length];
        for (var i = 0; i < clean.Length; i++)
        {
            var (x, y) = (i / 3 % size, i / 3 / size);
            var value = x is >= 16 and < 32 && y is >= 16 and < 32 ? 220.0 : 40 + 2.5 * x;
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            clean[i] = (byte)Math.Round(value);
            noisy[i] = (byte)Math.Clamp(Math.Round(value + 25 * gaussian), 0, 255);
        }

        var noisyPath = Path.Combine(dir, "synthetic-noisy.png");
        var cleanPath = Path.Combine(dir, "synthetic-clean.png");
        ImageFile.Save(new RgbImage(size, size, noisy), noisyPath);
        ImageFile.Save(new RgbImage(size, size, clean), cleanPath);
        return (noisyPath, cleanPath);
    }

    [Fact]
    public async Task Denoise_L2BestOnSyntheticImage_EndsFiniteAboveInputPsnr()
    {
        var (noisy, clean) = SyntheticPair(_dir);
        var output = Path.Combine(_dir, "l2.png");

        var run = await CliRun.RunAsync("denoise", "--artifacts-dir", Runs, "--image", noisy, "--clean", clean, "--norm", "l2", "--preset", "best",
            "--out", output, "--device", "cpu", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.LastStdoutLine);
        var root = doc.RootElement;
        Assert.Equal("l2", root.GetProperty("norm").GetString());
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.True(double.IsFinite(root.GetProperty("final_loss").GetDouble()));
        Assert.True(root.GetProperty("psnr_output").GetDouble() > root.GetProperty("psnr_input").GetDouble() + 3, run.LastStdoutLine);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public async Task Denoise_L2SeedOnSyntheticImage_ExitsThreeAsDivergedAndWritesNoImage()
    {
        var (noisy, clean) = SyntheticPair(_dir);
        var output = Path.Combine(_dir, "l2-seed.png");

        var run = await CliRun.RunAsync("denoise", "--artifacts-dir", Runs, "--image", noisy, "--clean", clean, "--norm", "l2", "--preset", "seed",
            "--out", output, "--device", "cpu", "--json");

        Assert.Equal(ExitCodes.Diverged, run.ExitCode);
        Assert.Equal(3, ExitCodes.Diverged);
        Assert.False(File.Exists(output));
        var message = Assert.Single(run.StderrLines, l => l.Contains("diverged at step"));
        Assert.EndsWith("no image written", message);
        using var doc = JsonDocument.Parse(run.LastStdoutLine);
        var root = doc.RootElement;
        Assert.Equal("diverged", root.GetProperty("status").GetString());
        Assert.InRange(root.GetProperty("diverged_at_step").GetInt32(), 2, 199);
        Assert.True(double.IsFinite(root.GetProperty("final_loss").GetDouble()));
        Assert.True(double.IsFinite(root.GetProperty("psnr_output").GetDouble()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("output").ValueKind);
        var stored = OnlyRun();
        Assert.Equal(RunStatus.Diverged, stored.Record!.Status);
        Assert.False(File.Exists(Path.Combine(stored.Directory, RunDirectory.OutputImageFile)));
    }

    [Fact]
    public async Task Denoise_WithoutClean_PsnrIsNull()
    {
        var run = await CliRun.RunAsync("denoise", "--artifacts-dir", Runs, "--image", WriteImage("noisy.png", 1), "--steps", "1",
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

        var run = await CliRun.RunAsync("denoise", "--artifacts-dir", Runs, "--image", path, "--json");

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
        var run = await CliRun.RunAsync("denoise", "--artifacts-dir", Runs, "--image", WriteImage("noisy.png", 1), option, value, "--json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error:", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Denoise_MissingImageOption_ExitsTwo()
    {
        var run = await CliRun.RunAsync("denoise", "--artifacts-dir", Runs, "--json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--image", Assert.Single(run.StderrLines));
    }
}
