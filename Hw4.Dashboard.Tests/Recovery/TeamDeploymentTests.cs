using System.Net;
using System.Net.Http.Json;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Tests.Integration;

namespace Hw4.Dashboard.Tests.Recovery;

/// <summary>
/// The team topology as real processes on one machine: two dashboard instances that only serve pages
/// (<c>Hw4:Train=false</c>) and worker processes, sharing a PostgreSQL store (a database of this test's own on the test
/// server) and one artifacts folder. A worker is killed with SIGKILL, as a crashed GPU host would be.
/// </summary>
[Collection(Hw4.Dashboard.Tests.Hosting.HostingCollection.Name)]
public sealed class TeamDeploymentTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("hw4-team-").FullName;
    private readonly PostgresTestDatabase _database = new();
    private string _postgres = "";

    public async Task InitializeAsync() => _postgres = await _database.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DropAsync();
        Directory.Delete(_root, recursive: true);
    }

    private string[] Shared(string data) =>
    [
        "--Hw4:Device", "cpu",
        "--Hw4:DataDir", data,
        "--Hw4:ArtifactsDir", Path.Combine(_root, "runs"),
        "--Hw4:Postgres", _postgres,
        // A dead host is noticed within about 3 s (the default is 10 s).
        "--Hw4:Queue:HeartbeatSeconds", "0.5",
        "--Hw4:Queue:HeartbeatTimeoutSeconds", "3",
    ];

    private async Task<ServerProcess> WebAsync(string data)
    {
        var web = ServerProcess.Start(_root, ServerProcess.FreePort(), [.. Shared(data), "--Hw4:Train", "false"]);
        await web.WaitUntilHealthyAsync();
        return web;
    }

    private async Task<ServerProcess> WorkerAsync(string data, string name)
    {
        var worker = ServerProcess.StartWorker(_root, [.. Shared(data), "--name", name]);
        await worker.WaitForOutputAsync($"Hw4 Lab worker {name}");
        return worker;
    }

    private static async Task<string> QueueAsync(ServerProcess web, int epochs)
    {
        // 512 images in batches of 8: 64 batches an epoch, long enough to be killed in the middle of epoch 2.
        using var response = await web.Http.PostAsJsonAsync(RunsApi.BasePath, new
        {
            model = "cnn", epochs, batchSize = 8, lr = 1e-3, seed = 3, augment = false, limit = 512, valSize = 32,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RunAccepted>())!.Id;
    }

    // The Host cell of the run's row on the instance's runs list (server-rendered), or null while the run is not listed.
    private static async Task<string?> ListedHostAsync(ServerProcess web, string runId)
    {
        var html = await web.Http.GetStringAsync("/runs");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var row = page.QuerySelectorAll("tbody tr").FirstOrDefault(r => r.QuerySelector("td")?.TextContent.Trim() == runId);
        return row?.QuerySelector("[data-testid=cell-host]")?.TextContent.Trim();
    }

    private static async Task<string?> WaitForListedHostAsync(ServerProcess web, string runId, string host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? listed;
        do
        {
            listed = await ListedHostAsync(web, runId);
            if (listed == host)
                return listed;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        return listed;
    }

    [Fact]
    public async Task WorkerKilled_RunBecomesInterruptedWithinTheTimeout_ResumeOnASecondWorkerCompletesIt_StopFromTheOtherInstanceReachesTheWorker()
    {
        var data = TinyCifarZip.EnsureDataDir(trainPerClass: 136, testPerClass: 8);
        await using var a = await WebAsync(data);
        await using var b = await WebAsync(data);

        // Queued on A, which does not train: it waits in the store until a worker claims it.
        var run = await QueueAsync(a, epochs: 2);
        await Task.Delay(1500);
        Assert.Equal("queued", (await b.StatusAsync(run))!.Status);

        var killedAt = DateTime.UtcNow;
        await using (var first = await WorkerAsync(data, "gpu-1"))
        {
            var running = await b.WaitForAsync(run, s => s.Status == "running" && s.EpochsDone == 1, seconds: 180, pollMs: 10);
            first.Kill();
            killedAt = DateTime.UtcNow;
            // The training host, as instance B's API reports it: the worker's --name, not B's or the machine's name.
            Assert.Equal("gpu-1", running.Host);
        }

        var interrupted = await a.WaitForAsync(run, s => s.Status == "interrupted", seconds: 30, pollMs: 100);
        var noticedAfter = DateTime.UtcNow - killedAt;
        Assert.True(noticedAfter < TimeSpan.FromSeconds(3 + 5), $"interrupted {noticedAfter.TotalSeconds:F1} s after the kill (timeout 3 s, sweep every 0.5 s)");
        output.WriteLine($"interrupted {noticedAfter.TotalSeconds:F2} s after SIGKILL: {interrupted.Message}");
        Assert.Contains("host gpu-1 stopped heartbeating", interrupted.Message);
        Assert.Equal([1], interrupted.Epochs);
        Assert.Equal("gpu-1", interrupted.Host);

        await using var second = await WorkerAsync(data, "gpu-2");
        using (var resume = await a.Http.PostAsync(RunsApi.StatusPath(run) + "/resume", null))
            Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        var done = await b.WaitForAsync(run, s => s.Status is "completed" or "failed", seconds: 240, pollMs: 200);
        Assert.Equal("completed", done.Status);
        Assert.Equal([1, 2], done.Epochs);
        Assert.NotNull(done.TestAccuracy);
        // Resumed on the second worker: B's API and B's runs list (the shared index) name that worker.
        Assert.Equal("gpu-2", done.Host);
        Assert.Equal("gpu-2", await WaitForListedHostAsync(b, run, "gpu-2"));

        // Queued on A, trained by gpu-2, stopped from B: the request travels through the store's row.
        var stopped = await QueueAsync(a, epochs: 30);
        await b.WaitForAsync(stopped, s => s.Status == "running", seconds: 120, pollMs: 20);
        using (var stop = await b.Http.PostAsync(RunsApi.StatusPath(stopped) + "/stop", null))
            Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        var end = await a.WaitForAsync(stopped, s => s.Status is "stopped" or "completed" or "failed", seconds: 60, pollMs: 50);
        output.WriteLine($"stopped from B after {end.EpochsDone} epoch(s): {end.Message}");
        Assert.Equal("stopped", end.Status);
        Assert.True(end.EpochsDone < 30);
    }
}
