using System.Net.Http.Json;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Dashboard.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Bench;

/// <summary>
/// The real dashboard (<see cref="WebHost.Build"/>) on Kestrel at a free loopback port inside the benchmark process, so
/// the benchmark can read the server's own managed heap and follow runs through the notifier without a hub client.
/// Its index database lives in a temp folder; the artifacts folder is the caller's.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly string _dbDir;

    private BenchServer(WebApplication app, string dbDir)
    {
        App = app;
        _dbDir = dbDir;
        Url = app.Urls.First();
        Http = new HttpClient { BaseAddress = new Uri(Url) };
    }

    public WebApplication App { get; }

    public string Url { get; }

    public HttpClient Http { get; }

    public RunEventNotifier Notifier => App.Services.GetRequiredService<RunEventNotifier>();

    public static async Task<BenchServer> StartAsync(string artifactsDir, string? dataDir, params string[] extra)
    {
        var dbDir = Directory.CreateTempSubdirectory("hw4-bench-db-").FullName;
        var db = Path.Combine(dbDir, "hw4.db");
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--Hw4:ArtifactsDir", artifactsDir,
            "--Hw4:Database", db,
            "--Logging:LogLevel:Default", "Warning",
            .. dataDir is null ? Array.Empty<string>() : ["--Hw4:DataDir", dataDir],
            .. extra,
        ];
        var app = WebHost.Build(args);
        await app.StartAsync();
        return new BenchServer(app, dbDir);
    }

    /// <summary>Queues a run through <c>POST /api/runs</c> (the same path as the Train page) and returns its id.</summary>
    public async Task<string> PostRunAsync(object body)
    {
        using var response = await Http.PostAsJsonAsync(RunsApi.BasePath, body);
        if (!response.IsSuccessStatusCode)
            throw new ArgumentException($"POST {RunsApi.BasePath}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var accepted = await response.Content.ReadFromJsonAsync<RunAccepted>() ?? throw new InvalidOperationException("POST /api/runs: empty body");
        return accepted.Id;
    }

    /// <summary>
    /// Follows <paramref name="runId"/> from its first event in-process (no hub client) until it ends;
    /// <paramref name="onEvent"/> runs on the pump thread for every event, replayed or live.
    /// </summary>
    public async Task<RunEvent> WaitForEndAsync(string runId, Action<RunEventEnvelope>? onEvent, TimeSpan timeout)
    {
        var end = new TaskCompletionSource<RunEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handle(RunEventEnvelope e)
        {
            onEvent?.Invoke(e);
            if (e.Event.IsTerminal)
                end.TrySetResult(e.Event);
        }

        using var subscription = Notifier.Subscribe(runId, 0, Handle);
        foreach (var e in subscription.Replay?.Events ?? [])
            Handle(e);
        return await end.Task.WaitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dbDir, recursive: true);
    }
}
