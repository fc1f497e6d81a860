using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Tests.Features.Runs;
using Hw4.Dashboard.Tests.Integration;
using Hw4.Ml.Lifecycle;
using Hw4.Testing.Servers;

namespace Hw4.Dashboard.Tests.Recovery;

/// <summary>
/// Who owns a run, across real processes: a CLI <c>train</c> beside a running dashboard, killed with SIGKILL; and what
/// the API answers when the machine, not the request, refuses a new run (a really full disk, a stopped store).
/// </summary>
[Collection(Hw4.Dashboard.Tests.Hosting.HostingCollection.Name)]
public sealed class OwnershipTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hw4-owner-").FullName;

    private string Runs => Path.Combine(_root, "runs");

    private string[] Settings(string data, string? artifacts = null) =>
    [
        "--Hw4:Device", "cpu",
        "--Hw4:DataDir", data,
        "--Hw4:ArtifactsDir", artifacts ?? Runs,
        "--Hw4:Database", Path.Combine(_root, "hw4.db"),
    ];

    [Fact]
    public async Task CliTrainKilledWithSigkill_ADashboardAlreadyRunning_ShowsItInterruptedWithinTheTimeoutWithoutARestart()
    {
        var data = TinyCifarZip.EnsureDataDir(trainPerClass: 136, testPerClass: 8);
        await using var web = ServerProcess.Start(_root, ServerProcess.FreePort(), Settings(data));
        await web.WaitUntilHealthyAsync();

        // 512 images in batches of 8: 64 batches an epoch, so the kill lands inside epoch 2.
        await using var cli = ServerProcess.StartCli(_root, "train", "--data", Path.Combine(data, "datasets", "cifar10-jpeg.zip"),
            "--model", "cnn", "--epochs", "3", "--batch-size", "8", "--lr", "1e-3", "--seed", "3", "--limit", "512", "--val-size", "32",
            "--no-augment", "--device", "cpu", "--artifacts-dir", Runs);
        var runId = await WaitForFolderAsync(cli);
        var running = await web.WaitForAsync(runId, s => s.Status == "running" && s.EpochsDone == 1, seconds: 240, pollMs: 20);
        Assert.Equal([1], running.Epochs);
        // run.json names the CLI process as the owner, with a heartbeat it renews.
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Runs, runId, "run.json"))))
        {
            var owner = json.RootElement.GetProperty("owner");
            Assert.Equal(cli.ProcessId, owner.GetProperty("process_id").GetInt32());
            Assert.Equal(JsonValueKind.String, owner.GetProperty("heartbeat_utc").ValueKind);
        }

        cli.Kill();
        var killed = Stopwatch.StartNew();
        var interrupted = await web.WaitForAsync(runId, s => s.Status != "running", seconds: 60, pollMs: 50);

        output.WriteLine($"interrupted {killed.Elapsed.TotalSeconds:F2} s after SIGKILL: {interrupted.Message}");
        Assert.Equal("interrupted", interrupted.Status);
        // The default timeout is 10 s; on the same machine the dead process is seen at the next sweep (every 2 s).
        Assert.True(killed.Elapsed < TimeSpan.FromSeconds(10 + 5), $"interrupted {killed.Elapsed.TotalSeconds:F1} s after the kill");
        Assert.Equal("interrupted: its process ended during epoch 2 (epoch 1 is kept); resume it to continue", interrupted.Message);
        Assert.Equal([1], interrupted.Epochs);
    }

    [Fact]
    public async Task CliTrainSentSigterm_StopsWithinItsGrace_RunJsonSaysStoppedWithNoOwner_AndExitsWith130()
    {
        // What `kill`, `docker stop` or systemd send first: the run ends "stopped", not "running" with a dead owner.
        // (Not SIGINT: a test host started from a non-interactive background shell, as CI's is, passes its children
        // SIGINT ignored, and the signal never arrives.)
        var data = TinyCifarZip.EnsureDataDir(trainPerClass: 136, testPerClass: 8);
        await using var cli = ServerProcess.StartCli(_root, "train", "--data", Path.Combine(data, "datasets", "cifar10-jpeg.zip"),
            "--model", "cnn", "--epochs", "50", "--batch-size", "8", "--lr", "1e-3", "--seed", "3", "--limit", "512", "--val-size", "32",
            "--no-augment", "--device", "cpu", "--artifacts-dir", Runs);
        var runId = await WaitForFolderAsync(cli);
        var runJson = Path.Combine(Runs, runId, "run.json");
        var deadline = Stopwatch.StartNew();
        while (!(File.Exists(Path.Combine(Runs, runId, "metrics.jsonl")) && (await File.ReadAllTextAsync(runJson)).Contains("\"running\"", StringComparison.Ordinal)))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(240), $"the run did not start:\n{cli.Output}");
            Assert.False(cli.HasExited, $"train exited early:\n{cli.Output}");
            await Task.Delay(50);
        }

        using (var kill = Process.Start("kill", ["-TERM", cli.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            await kill.WaitForExitAsync();
        var exit = await cli.WaitForExitAsync(seconds: 60);

        Assert.True(exit == ExitCodes.Cancelled, $"exit {exit}:\n{cli.Output}");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(runJson));
        Assert.Equal("stopped", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("owner").ValueKind);
    }

    [Fact]
    public async Task PostRun_TheArtifactsDiskIsFull_Answers507ProblemJsonWithinFiveSecondsAndLeavesNoFolder()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            output.WriteLine("skipped: mounting a small tmpfs (a real full disk) needs root on Linux");
            return;
        }

        var data = TinyCifarZip.EnsureDataDir(trainPerClass: 8, testPerClass: 2);
        var small = Path.Combine(_root, "small-disk");
        Directory.CreateDirectory(small);
        Assert.True(Run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", small), "mount a 256 KiB tmpfs");
        try
        {
            var artifacts = Path.Combine(small, "runs");
            await using var web = ServerProcess.Start(_root, ServerProcess.FreePort(), Settings(data, artifacts));
            await web.WaitUntilHealthyAsync();
            Directory.CreateDirectory(artifacts);
            // Fill the disk: a file as large as it takes, then not a byte more fits.
            await FillAsync(Path.Combine(small, "filler"));
            var before = Directory.GetFileSystemEntries(artifacts);

            var clock = Stopwatch.StartNew();
            using var response = await web.Http.PostAsJsonAsync(RunsApi.BasePath, new { epochs = 1, limit = 16, valSize = 8 });

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed.TotalSeconds:F1} s");
            Assert.Equal((HttpStatusCode)507, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("disk is full", problem.GetProperty("detail").GetString());
            Assert.Equal(before, Directory.GetFileSystemEntries(artifacts));
        }
        finally
        {
            Run("umount", "-l", small);
        }
    }

    [Fact]
    public async Task PostRun_TheStoreIsStopped_Answers503ProblemJsonWithRetryAfterWithinFiveSecondsAndLeavesNoFolder()
    {
        // The test's own PostgreSQL, since it is stopped mid-test.
        await using var postgres = await PostgresServer.StartNewAsync();
        var database = new PostgresTestDatabase(postgres);
        var data = TinyCifarZip.EnsureDataDir(trainPerClass: 8, testPerClass: 2);
        await using var web = ServerProcess.Start(_root, ServerProcess.FreePort(), [.. Settings(data), "--Hw4:Postgres", await database.CreateAsync()]);
        await web.WaitUntilHealthyAsync();
        // A stopped run, to resume and stop while the store is away.
        var stopped = new RunFolderBuilder(Runs).Started("20261207-100000-cnn-stop");
        stopped.Transition(RunStatus.Stopped, r => r with { FinishedUtc = r.CreatedUtc.AddMinutes(1), Message = "stopped by the test" });
        string[] Folders() => [.. Directory.GetDirectories(Runs).Select(Path.GetFileName).Where(n => !n!.StartsWith('.') && n != stopped.Id)!];
        await postgres.StopAsync();

        var clock = Stopwatch.StartNew();
        using var response = await web.Http.PostAsJsonAsync(RunsApi.BasePath, new { epochs = 1, limit = 16, valSize = 8 });

        output.WriteLine($"{(int)response.StatusCode} after {clock.Elapsed.TotalSeconds:F2} s: {await response.Content.ReadAsStringAsync()}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.StatusCode}; the server said:\n{web.Output}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Empty(Folders());

        // Resume and stop answer the same, and the run is not left queued with no row to run it.
        foreach (var command in new[] { "resume", "stop" })
        {
            using var refused = await web.Http.PostAsync($"{RunsApi.BasePath}/{stopped.Id}/{command}", null);
            output.WriteLine($"{command}: {(int)refused.StatusCode} {await refused.Content.ReadAsStringAsync()}");
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "application/problem+json"), (refused.StatusCode, refused.Content.Headers.ContentType?.MediaType));
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal(RunStatus.Stopped, stopped.ReadRun().Status);
        }

        Assert.Contains("not resumed: the store's queue could not be reached", stopped.ReadRun().Message);

        // The store comes back: the same request is accepted, and its folder is the only one.
        await postgres.StartAsync();
        using var retried = await web.Http.PostAsJsonAsync(RunsApi.BasePath, new { epochs = 1, limit = 16, valSize = 8 });
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var accepted = await retried.Content.ReadFromJsonAsync<RunAccepted>();
        Assert.Equal([accepted!.Id], Folders());
    }

    // The run folder the CLI created (its id is the folder's name).
    private async Task<string> WaitForFolderAsync(ServerProcess cli)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(Runs) && Directory.GetDirectories(Runs).Select(Path.GetFileName).FirstOrDefault(n => !n!.StartsWith('.')) is { } id)
                return id;
            if (cli.HasExited)
                throw new InvalidOperationException($"train exited with {cli.ExitCode}:\n{cli.Output}");
            await Task.Delay(50);
        }

        throw new TimeoutException($"no run folder in 120 s:\n{cli.Output}");
    }

    private static async Task FillAsync(string path)
    {
        // Unbuffered: the write that does not fit fails here, not in a flush at dispose.
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (true)
                await stream.WriteAsync(block);
        }
        catch (IOException)
        {
            // Full.
        }
    }

    private static bool Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit(10_000);
        return process.ExitCode == 0;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A lazily unmounted tmpfs may still be going away.
        }
    }
}
