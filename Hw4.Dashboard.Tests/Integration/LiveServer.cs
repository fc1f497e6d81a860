using System.Collections.Concurrent;
using System.Net.Http.Json;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Dashboard.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Integration;

/// <summary>
/// The real app on Kestrel at a free loopback port, with a tiny CIFAR archive as its data, runs and index in a temp
/// folder. Shared by a test class so LibTorch, the host and the decoded data are set up once.
/// </summary>
public sealed class LiveServer : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-live-").FullName;

    public WebApplication App { get; private set; } = default!;

    public string Url { get; private set; } = "";

    public HttpClient Http { get; private set; } = default!;

    public RunEventNotifier Notifier => App.Services.GetRequiredService<RunEventNotifier>();

    /// <summary>The hub's JSON conventions (statuses as their lower-case words).</summary>
    public static System.Text.Json.JsonSerializerOptions EventJson { get; } = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { RunStatusJson.Converter() },
    };

    public async Task InitializeAsync()
    {
        // 288 train images per run: 256 to train on (the limit) and 32 held out for validation; 32 test images.
        var data = TinyCifarZip.EnsureDataDir(trainPerClass: 72, testPerClass: 8);
        App = WebHost.Build([
            "--urls", "http://127.0.0.1:0",
            "--Hw4:Device", "cpu",
            "--Hw4:DataDir", data,
            "--Hw4:ArtifactsDir", Path.Combine(_dir, "runs"),
            "--Hw4:Database", Path.Combine(_dir, "hw4.db"),
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await App.StartAsync();
        Url = App.Urls.First();
        Http = new HttpClient { BaseAddress = new Uri(Url) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Queues a real 256-image, one-epoch CNN run through <c>POST /api/runs</c>; returns its id.</summary>
    public async Task<string> StartTinyRunAsync()
    {
        using var response = await Http.PostAsJsonAsync(RunsApi.BasePath, new
        {
            model = "cnn", epochs = 1, batchSize = 8, lr = 1e-3, seed = 3, augment = false, limit = 256, valSize = 32,
        });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<RunAccepted>();
        Assert.NotNull(accepted);
        Assert.Equal(RunsApi.StatusPath(accepted.Id), response.Headers.Location?.OriginalString);
        return accepted.Id;
    }

    /// <summary>A SignalR client recording what it receives, in arrival order.</summary>
    public async Task<HubClient> ConnectAsync()
    {
        var client = new HubClient(new HubConnectionBuilder().WithUrl(Url + RunsHub.Path)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(RunStatusJson.Converter())).Build());
        await client.Connection.StartAsync();
        return client;
    }

    public static async Task WaitUntilAsync(Func<bool> condition, int seconds = 300)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"condition not met in {seconds} s");
            await Task.Delay(10);
        }
    }

    /// <summary>One hub connection with its replays and live events.</summary>
    public sealed class HubClient : IAsyncDisposable
    {
        public HubClient(HubConnection connection)
        {
            Connection = connection;
            connection.On<RunReplay>(nameof(IRunsClient.ReceiveReplay), Replays.Enqueue);
            connection.On<RunEventEnvelope>(nameof(IRunsClient.ReceiveEvent), Live.Enqueue);
            connection.On<RunEventEnvelope[]>(nameof(IRunsClient.ReceiveEvents), batch =>
            {
                Bundles.Enqueue(batch.Length);
                foreach (var e in batch)
                    Live.Enqueue(e);
            });
        }

        public HubConnection Connection { get; }

        public ConcurrentQueue<RunReplay> Replays { get; } = new();

        public ConcurrentQueue<RunEventEnvelope> Live { get; } = new();

        /// <summary>The size of each bundle of batches received (<see cref="IRunsClient.ReceiveEvents"/>).</summary>
        public ConcurrentQueue<int> Bundles { get; } = new();

        /// <summary>The replay's events followed by the live ones: what the client knows of the run.</summary>
        public List<RunEventEnvelope> All => [.. Replays.SelectMany(r => r.Events), .. Live];

        public bool Finished => All.Any(e => e.Event.IsTerminal);

        public Task SubscribeAsync(string runId, long? lastSeq) => Connection.InvokeAsync(nameof(RunsHub.Subscribe), runId, lastSeq);

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
