using System.Net;
using System.Net.Http.Json;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Tests.Integration;

namespace Hw4.Dashboard.Tests.Recovery;

/// <summary>
/// The server as a real child process, really killed (SIGKILL) mid-run, then started again on the same folders: what
/// a user sees after a crash. Tiny runs on a tiny CIFAR archive that the test writes.
/// </summary>
[Collection(Hw4.Dashboard.Tests.Hosting.HostingCollection.Name)]
[Trait("Category", "System")]
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hw4-crash-").FullName;

    private string[] Settings(string data) =>
    [
        "--Hw4:Device", "cpu",
        "--Hw4:DataDir", data,
        "--Hw4:ArtifactsDir", Path.Combine(_root, "runs"),
        "--Hw4:Database", Path.Combine(_root, "hw4.db"),
    ];

    private static async Task<string> QueueAsync(ServerProcess server)
    {
        // 512 images in batches of 8: 64 batches an epoch, long enough to be killed in the middle of epoch 2.
        using var response = await server.Http.PostAsJsonAsync(RunsApi.BasePath, new
        {
            model = "cnn", epochs = 2, batchSize = 8, lr = 1e-3, seed = 3, augment = false, limit = 512, valSize = 32,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RunAccepted>())!.Id;
    }

    [Fact]
    public async Task Sigkill_DuringEpochTwo_FirstRunIsInterruptedWithEpochOneSecondStaysQueuedAndResumeCompletesEachEpochOnce()
    {
        var data = TinyCifarZip.EnsureDataDir(trainPerClass: 136, testPerClass: 8);
        string first, second;
        await using (var server = ServerProcess.Start(_root, ServerProcess.FreePort(), Settings(data)))
        {
            await server.WaitUntilHealthyAsync();
            first = await QueueAsync(server);
            second = await QueueAsync(server);
            Assert.Equal("queued", (await server.StatusAsync(second))!.Status);
            // Its folder (with the full request) exists before the 202 came back.
            Assert.True(File.Exists(Path.Combine(_root, "runs", second, "run.json")));

            await server.WaitForAsync(first, s => s.Status == "running" && s.EpochsDone == 1, pollMs: 5);
            server.Kill();
        }

        // What the dead server left: the first run says running (its owner is gone), the second is still queued.
        Assert.Contains("\"status\": \"running\"", await File.ReadAllTextAsync(Path.Combine(_root, "runs", first, "run.json")));
        Assert.Contains("\"status\": \"queued\"", await File.ReadAllTextAsync(Path.Combine(_root, "runs", second, "run.json")));

        await using (var restarted = ServerProcess.Start(_root, ServerProcess.FreePort(), Settings(data)))
        {
            await restarted.WaitUntilHealthyAsync();

            var interrupted = (await restarted.StatusAsync(first))!;
            Assert.Equal("interrupted", interrupted.Status);
            Assert.Equal([1], interrupted.Epochs);
            Assert.Equal("interrupted: its process ended during epoch 2 (epoch 1 is kept); resume it to continue", interrupted.Message);
            // Queued again at start, in its old order; on a fast machine it may already be done.
            var waiting = (await restarted.StatusAsync(second))!;
            Assert.Contains(waiting.Status, new[] { "queued", "running", "completed" });

            using (var resume = await restarted.Http.PostAsync(RunsApi.StatusPath(first) + "/resume", null))
                Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
            using (var again = await restarted.Http.PostAsync(RunsApi.StatusPath(first) + "/resume", null))
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

            var secondDone = await restarted.WaitForAsync(second, s => s.Status is "completed" or "failed", seconds: 600, pollMs: 200);
            Assert.Equal("completed", secondDone.Status);
            Assert.Equal([1, 2], secondDone.Epochs);
            var firstDone = await restarted.WaitForAsync(first, s => s.Status is "completed" or "failed", seconds: 600, pollMs: 200);
            Assert.Equal("completed", firstDone.Status);
            Assert.Equal([1, 2], firstDone.Epochs);
            Assert.NotNull(firstDone.TestAccuracy);
        }
    }

    [Fact]
    public async Task Sigkill_DuringADenoisingRun_RunIsInterruptedAtRestartWithItsCurvesKept()
    {
        // A denoising run left queued in the folder is queued again at start: far more steps than the test waits for.
        var rng = new Random(5);
        var pixels = new byte[64 * 64 * 3];
        rng.NextBytes(pixels);
        var options = new Hw4.Ml.Denoising.DenoiseOptions(Hw4.Ml.Denoising.DenoiseNorm.L1, Hw4.Ml.Denoising.DenoiseOptimizer.Gd, Lr: 0.1, Alpha: 1, Steps: 100_000_000, ReportEvery: 5);
        var artifactsDir = Path.Combine(_root, "runs");
        var id = Hw4.Ml.Recipes.DenoiseRecipe.Queue(artifactsDir, new Hw4.Ml.Runs.DenoiseRunConfig { Options = options, Source = "noise.png" },
            new Hw4.Ml.Imaging.RgbImage(64, 64, pixels), null, TimeProvider.System).Id;

        await using (var server = ServerProcess.Start(_root, ServerProcess.FreePort(), Settings(_root)))
        {
            await server.WaitUntilHealthyAsync();
            await server.WaitForAsync(id, s => s.Status == "running", pollMs: 5);
            // Some reports are in metrics.jsonl before the kill.
            var metrics = Path.Combine(artifactsDir, id, Hw4.Ml.Runs.RunDirectory.MetricsFile);
            for (var i = 0; i < 400 && (!File.Exists(metrics) || !File.ReadAllText(metrics).Contains("\"type\":\"denoise\"")); i++)
                await Task.Delay(25);
            server.Kill();
        }

        Assert.Contains("\"status\": \"running\"", await File.ReadAllTextAsync(Path.Combine(artifactsDir, id, "run.json")));

        await using (var restarted = ServerProcess.Start(_root, ServerProcess.FreePort(), Settings(_root)))
        {
            await restarted.WaitUntilHealthyAsync();
            var interrupted = (await restarted.StatusAsync(id))!;
            Assert.Equal("interrupted", interrupted.Status);
            Assert.Matches(@"^interrupted: its process ended after step \d+/100000000 \(the curves up to there are kept; no image\)$", interrupted.Message);
            var steps = Hw4.Ml.Runs.RunDirectoryReader.DenoiseSteps(Path.Combine(artifactsDir, id));
            Assert.NotEmpty(steps);
            Assert.Contains($"after step {steps[^1].Step}/", interrupted.Message);
        }
    }

    [Fact]
    public async Task Start_CorruptIndexDatabase_StartsAndListsEveryRun()
    {
        var runs = new Hw4.Dashboard.Tests.Features.Runs.RunFolderBuilder(Path.Combine(_root, "runs"));
        runs.Finished("20261201-090000-cnn-aaaa", "cnn", [1.5, 1.4]);
        runs.Finished("20261201-090100-residual-bbbb", "residual", [1.3]);
        await File.WriteAllTextAsync(Path.Combine(_root, "hw4.db"), new string('x', 5000));

        await using var server = ServerProcess.Start(_root, ServerProcess.FreePort(), Settings(_root));
        await server.WaitUntilHealthyAsync();

        Assert.Equal("completed", (await server.StatusAsync("20261201-090000-cnn-aaaa"))!.Status);
        var page = await server.Http.GetStringAsync("/runs");
        Assert.Contains("20261201-090000-cnn-aaaa", page);
        Assert.Contains("20261201-090100-residual-bbbb", page);
        Assert.Single(Directory.GetFiles(_root, "hw4.db.corrupt-*"));
    }

    [Fact]
    public async Task Start_PortInUse_OneLineAndExitCode2()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using var server = ServerProcess.Start(_root, port, Settings(_root));
        var code = await server.WaitForExitAsync();

        Assert.Equal(2, code);
        var lines = server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var error = Assert.Single(lines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("address already in use", error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }
}
