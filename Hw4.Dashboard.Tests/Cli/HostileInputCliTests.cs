using System.Diagnostics;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;
using Xunit.Abstractions;

namespace Hw4.Dashboard.Tests.Cli;

/// <summary>
/// Hostile inputs on the command line: each ends with exit 2 and one line naming the file, quickly, and the bombs
/// within a peak RSS measured on a child process.
/// </summary>
[Trait("Category", "System")]
public sealed class HostileInputCliTests(ITestOutputHelper output) : IDisposable
{
    private const long PeakRssLimitKb = 1L << 20; // 1 GiB; before the caps these inputs took 2.2 to 4.5 GB

    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Denoise_ImageIsFifo_ExitsTwoWithinOneSecondNamingIt()
    {
        var fifo = Bombs.Fifo(Path.Combine(_dir, "noisy.png"));

        var run = await WithinOneSecondAsync(CliRun.RunAsync("denoise", "--image", fifo, "--steps", "1", "--out", Path.Combine(_dir, "o.png")));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: Image '{fifo}' is a named pipe (FIFO), not a regular file.", Assert.Single(run.StderrLines, l => l.StartsWith("error:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Denoise_ImageIsDevZero_ExitsTwoWithinOneSecond()
    {
        var run = await WithinOneSecondAsync(CliRun.RunAsync("denoise", "--image", "/dev/zero", "--steps", "1", "--out", Path.Combine(_dir, "o.png")));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("error: Image '/dev/zero' is a character device, not a regular file.", run.StderrLines);
    }

    [Fact]
    public async Task Train_DataIsFifo_ExitsTwoWithinOneSecond()
    {
        var fifo = Bombs.Fifo(Path.Combine(_dir, "cifar.npz"));

        var run = await WithinOneSecondAsync(CliRun.RunAsync("train", "--data", fifo, "--model", "cnn", "--device", "cpu", "--no-cache"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"error: {fifo}: is a named pipe (FIFO), not a regular file.", run.StderrLines);
    }

    [Fact]
    public async Task Evaluate_CheckpointIsFifo_ExitsTwoWithinOneSecond()
    {
        var fifo = Bombs.Fifo(Path.Combine(_dir, "model_1.params"));

        var run = await WithinOneSecondAsync(CliRun.RunAsync("evaluate", "--checkpoint", fifo, "--model", "cnn", "--data", _dir, "--device", "cpu"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"error: --checkpoint {fifo}: is a named pipe (FIFO), not a regular file.", run.StderrLines);
    }

    [Fact]
    public async Task Train_NpyShapeBeyondArrayMaxLength_ExitsTwoNamingTheFileNotOutOfMemory()
    {
        var npz = Bombs.NpzBeyondArrayMaxLength(Path.Combine(_dir, "huge.npz"));

        var run = await CliRun.RunAsync("train", "--data", npz, "--model", "cnn", "--device", "cpu", "--no-cache");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var error = Assert.Single(run.StderrLines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.StartsWith($"error: {npz}: X.npy: shape (1000000, 32, 32, 3) claims 3,072,000,000 bytes", error);
        Assert.DoesNotContain("OutOfMemory", run.Stderr);
    }

    public static TheoryData<string> BombKinds => ["png", "npz", "tar.gz", "zip"];

    [Theory]
    [MemberData(nameof(BombKinds))]
    public async Task Cli_Bomb_RefusedOrDefusedInAChildProcessWithPeakRssUnder1GiB(string kind)
    {
        string[] args = kind switch
        {
            "png" => ["denoise", "--image", Bombs.PngText(Path.Combine(_dir, "bomb.png"), 256L << 20), "--steps", "0", "--artifacts-dir", Path.Combine(_dir, "runs"), "--device", "cpu", "--out", Path.Combine(_dir, "o.png")],
            "npz" => ["train", "--data", Bombs.Npz(Path.Combine(_dir, "bomb.npz")), "--model", "cnn", "--device", "cpu", "--no-cache"],
            "tar.gz" => ["train", "--data", Bombs.TarGz(Path.Combine(_dir, "cifar-10-binary.tar.gz")), "--model", "cnn", "--device", "cpu", "--no-cache"],
            _ => ["train", "--data", Bombs.Zip(Path.Combine(_dir, "images.zip")), "--model", "cnn", "--device", "cpu", "--no-cache"],
        };

        var child = await CliProcess.RunAsync(_dir, 600, args);
        var (exitCode, stderr, peakKb, how) = (child.ExitCode, child.Stderr, child.PeakRssKb, child.RssHow);

        output.WriteLine($"{kind}: exit {exitCode}, peak RSS {peakKb:N0} kB ({how}); stderr: {stderr.Trim()}");
        // The PNG is a valid 4x4 image once its text is skipped, so denoise succeeds; the datasets are refused.
        Assert.Equal(kind == "png" ? ExitCodes.Success : ExitCodes.BadInput, exitCode);
        if (kind != "png")
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal) && l.Contains(_dir, StringComparison.Ordinal));
        Assert.True(peakKb is > 0 and < PeakRssLimitKb, $"{kind}: peak RSS {peakKb:N0} kB");
    }

    private static async Task<CliRun> WithinOneSecondAsync(Task<CliRun> run)
    {
        var clock = Stopwatch.StartNew();
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.True(finished == run, $"still running after {clock.Elapsed} (blocked on the input?)");
        return await run;
    }
}
