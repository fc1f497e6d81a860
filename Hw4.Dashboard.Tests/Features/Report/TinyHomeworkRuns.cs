using System.Text.Json;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;
using Hw4.Dashboard.Tests.Cli;
using Hw4.Ml.Imaging;

namespace Hw4.Dashboard.Tests.Features.Report;

/// <summary>
/// Real tiny runs of the whole homework made once per test class through the CLI, in one artifacts folder: two seeds of
/// the CNN and of the residual CNN trained on <see cref="TinyImageFolder"/> (a seed group each), and a denoising run of
/// each 1.2 part (gradient descent, the seed's setting and primal-dual, for L1 and L2; the seed's L2 diverges) on a
/// small noisy image, recording every step.
/// </summary>
public sealed class TinyHomeworkRuns : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("hw4-report-").FullName;

    public string Runs => Path.Combine(Root, "runs");

    public string Data { get; private set; } = "";

    /// <summary>The CNN runs, seed 0 then seed 1.</summary>
    public IReadOnlyList<string> CnnIds { get; private set; } = [];

    /// <summary>The residual runs, seed 0 then seed 1.</summary>
    public IReadOnlyList<string> ResidualIds { get; private set; } = [];

    /// <summary>The CNN run the report picks (the newest: seed 1).</summary>
    public string CnnId => CnnIds[^1];

    /// <summary>The residual run the report picks (the newest: seed 1).</summary>
    public string ResidualId => ResidualIds[^1];

    /// <summary>The denoising runs by (norm, preset).</summary>
    public IReadOnlyDictionary<(string Norm, string Preset), string> DenoiseIds { get; private set; } = new Dictionary<(string, string), string>();

    public async Task InitializeAsync()
    {
        Data = TinyImageFolder.Write(Root, trainPerClass: 12, testPerClass: 4, seed: 3);
        var cnn = new List<string>();
        var residual = new List<string>();
        foreach (var seed in new[] { 0, 1 })
        {
            cnn.Add(await TrainAsync("cnn", seed));
            residual.Add(await TrainAsync("residual", seed));
        }

        (CnnIds, ResidualIds) = (cnn, residual);
        var noisy = WriteImage("noisy.png", 1);
        var clean = WriteImage("clean.png", 2);
        var denoise = new Dictionary<(string, string), string>();
        foreach (var norm in new[] { "l1", "l2" })
        {
            foreach (var preset in new[] { "gd", "seed", "best" })
            {
                var run = await CliRun.RunAsync("denoise", "--artifacts-dir", Runs, "--image", noisy, "--clean", clean, "--norm", norm, "--preset", preset,
                    "--report-every", "1", "--device", "cpu", "--out", Path.Combine(Root, $"{norm}-{preset}.png"), "--json");
                Assert.True(run.ExitCode is ExitCodes.Success or ExitCodes.Diverged, run.Stderr);
                denoise[(norm, preset)] = JsonDocument.Parse(run.LastStdoutLine).RootElement.GetProperty("run_id").GetString()!;
            }
        }

        DenoiseIds = denoise;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A copy of the artifacts folder without the runs <paramref name="leaveOut"/>.</summary>
    public string RunsWithout(params string[] leaveOut)
    {
        var copy = Path.Combine(Root, "runs-without-" + string.Join("-", leaveOut));
        foreach (var file in Directory.EnumerateFiles(Runs, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Runs, file);
            if (leaveOut.Any(id => relative.StartsWith(id + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative), overwrite: true);
        }

        return copy;
    }

    private async Task<string> TrainAsync(string model, int seed)
    {
        var train = await CliRun.RunAsync("train", "--data", Data, "--model", model, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--epochs", "2", "--val-size", "6", "--batch-size", "8", "--lr", "2e-3", "--threads", "2", "--device", "cpu", "--artifacts-dir", Runs, "--no-cache", "--json");
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
