using System.Text.Json;
using Hw4.Dashboard.Cli;
using Hw4.Dashboard.Tests.Cli;
using Hw4.Ml.Imaging;

namespace Hw4.Dashboard.Tests.Features.Report;

/// <summary>
/// Real tiny runs of the whole homework made once per test class through the CLI: a CNN and a residual run trained
/// on <see cref="TinyImageFolder"/>, and an L1 and an L2 denoising run, all in one artifacts folder.
/// </summary>
public sealed class TinyHomeworkRuns : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("hw4-report-").FullName;

    public string Runs => Path.Combine(Root, "runs");

    public string Data { get; private set; } = "";

    public string CnnId { get; private set; } = "";

    public string ResidualId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Data = TinyImageFolder.Write(Root, trainPerClass: 12, testPerClass: 4, seed: 3);
        CnnId = await TrainAsync("cnn");
        ResidualId = await TrainAsync("residual");
        var noisy = WriteImage("noisy.png", 1);
        var clean = WriteImage("clean.png", 2);
        foreach (var norm in new[] { "l1", "l2" })
        {
            var run = await CliRun.RunAsync("denoise", "--artifacts-dir", Runs, "--image", noisy, "--clean", clean, "--norm", norm, "--preset", "best",
                "--device", "cpu", "--out", Path.Combine(Root, $"{norm}.png"), "--json");
            Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A copy of the artifacts folder without the run <paramref name="leaveOut"/>.</summary>
    public string RunsWithout(string leaveOut)
    {
        var copy = Path.Combine(Root, "runs-without-" + leaveOut);
        foreach (var file in Directory.EnumerateFiles(Runs, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Runs, file);
            if (relative.StartsWith(leaveOut + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative), overwrite: true);
        }

        return copy;
    }

    private async Task<string> TrainAsync(string model)
    {
        var train = await CliRun.RunAsync("train", "--data", Data, "--model", model, "--epochs", "2", "--val-size", "6", "--batch-size", "8",
            "--lr", "2e-3", "--threads", "2", "--device", "cpu", "--artifacts-dir", Runs, "--no-cache", "--json");
        Assert.True(train.ExitCode == ExitCodes.Success, train.Stderr);
        return JsonDocument.Parse(train.LastStdoutLine).RootElement.GetProperty("run_id").GetString()!;
    }

    private string WriteImage(string name, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[24 * 20 * 3];
        random.NextBytes(pixels);
        var path = Path.Combine(Root, name);
        ImageFile.Save(new RgbImage(24, 20, pixels), path);
        return path;
    }
}
