using System.Text.Json;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;

namespace Hw4.Dashboard.Tests.Cli;

public sealed class DenoiseSweepVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-cli-sweep-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("batched", true)]
    [InlineData("sequential", false)]
    [InlineData("auto", false)]
    public async Task DenoiseSweep_Json_OnePointPerCellAndBestIsHighestFinitePsnrPerNorm(string batching, bool batchedOnCpu)
    {
        var (noisy, clean) = DenoiseVerbTests.SyntheticPair(_dir);
        string[] args = ["denoise-sweep", "--image", noisy, "--clean", clean, "--norms", "l1,l2", "--alphas", "0.5,1.5",
            "--lrs", "0.02,0.1,0.9", "--steps", "30", "--batching", batching, "--device", "cpu", "--json"];

        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.LastStdoutLine);
        var root = doc.RootElement;
        Assert.Equal(batchedOnCpu, root.GetProperty("batched").GetBoolean());
        var points = root.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(2 * 2 * 3, points.Count);
        Assert.All(points, p => Assert.Equal(
            ["norm", "alpha", "lr", "psnr", "final_loss", "diverged", "seconds"], p.EnumerateObject().Select(q => q.Name)));
        Assert.Equal(
            from n in new[] { "l1", "l2" } from a in new[] { 0.5, 1.5 } from l in new[] { 0.02, 0.1, 0.9 } select (n, a, l),
            points.Select(p => (p.GetProperty("norm").GetString()!, p.GetProperty("alpha").GetDouble(), p.GetProperty("lr").GetDouble())));
        // l2 at the homework's lr 0.9 diverges.
        Assert.All(points.Where(p => p.GetProperty("norm").GetString() == "l2" && p.GetProperty("lr").GetDouble() == 0.9),
            p => Assert.True(p.GetProperty("diverged").GetBoolean()));
        foreach (var norm in new[] { "l1", "l2" })
        {
            var highest = points
                .Where(p => p.GetProperty("norm").GetString() == norm && !p.GetProperty("diverged").GetBoolean())
                .Max(p => p.GetProperty("psnr").GetDouble());
            var best = root.GetProperty("best").GetProperty(norm);
            Assert.Equal(highest, best.GetProperty("psnr").GetDouble());
            Assert.False(best.GetProperty("diverged").GetBoolean());
        }
    }

    [Theory]
    [InlineData("--norms", "l3")]
    [InlineData("--alphas", "1,x")]
    [InlineData("--lrs", "0")]
    [InlineData("--optimizer", "sgd")]
    [InlineData("--batching", "maybe")]
    public async Task DenoiseSweep_BadOption_ExitsTwoWithOneLine(string option, string value)
    {
        var (noisy, clean) = DenoiseVerbTests.SyntheticPair(_dir);

        var run = await CliRun.RunAsync("denoise-sweep", "--image", noisy, "--clean", clean, option, value, "--json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error:", Assert.Single(run.StderrLines));
    }
}
