using System.Collections.Concurrent;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Dashboard.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Integration;

/// <summary>A real Kestrel server on a free loopback port and a real SignalR .NET client.</summary>
[Collection(Hw4.Dashboard.Tests.Hosting.HostingCollection.Name)]
public sealed class RunsHubIntegrationTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-hub-").FullName;
    private WebApplication _app = default!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _app = WebHost.Build([
            "--urls", "http://127.0.0.1:0",
            "--Hw4:Device", "cpu",
            "--Hw4:ArtifactsDir", Path.Combine(_dir, "runs"),
            "--Hw4:Database", Path.Combine(_dir, "hw4.db"),
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await _app.StartAsync();
        _url = _app.Urls.First();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<HubConnection> ConnectAsync(ConcurrentQueue<RunEventEnvelope> events, ConcurrentQueue<RunReplay> replays)
    {
        var connection = new HubConnectionBuilder().WithUrl(_url + RunsHub.Path)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(RunStatusJson.Converter())).Build();
        connection.On<RunEventEnvelope>(nameof(IRunsClient.ReceiveEvent), events.Enqueue);
        connection.On<RunEventEnvelope[]>(nameof(IRunsClient.ReceiveEvents), batch => Array.ForEach(batch, events.Enqueue));
        connection.On<RunReplay>(nameof(IRunsClient.ReceiveReplay), replays.Enqueue);
        await connection.StartAsync();
        return connection;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("condition not met in 10 s");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Subscribe_SyntheticRun_ReceivesEventsInSequenceOrderWithTypes()
    {
        var notifier = _app.Services.GetRequiredService<RunEventNotifier>();
        var events = new ConcurrentQueue<RunEventEnvelope>();
        var replays = new ConcurrentQueue<RunReplay>();
        await using var connection = await ConnectAsync(events, replays);

        await connection.InvokeAsync("Subscribe", "hub-run", (long?)0);
        notifier.Publish(new RunStarted("hub-run", "train", "cpu", 2, 5));
        for (var epoch = 1; epoch <= 2; epoch++)
        {
            notifier.Publish(new BatchProgress("hub-run", epoch, 5, 5, epoch * 5, 0.5, 0.5, 800, 1));
            notifier.Publish(new EpochCompleted("hub-run", epoch, 0.5, 0.6, 0.7, 2, 800));
        }

        notifier.Publish(new RunEnded("hub-run", RunStatus.Completed, null, 4));
        await WaitUntilAsync(() => events.Any(e => e.Event is RunEnded));

        Assert.False(Assert.Single(replays).IsSnapshot);
        var seqs = events.Select(e => e.Seq).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
        Assert.IsType<RunStarted>(events.First().Event);
        Assert.Equal(0.6, events.Select(e => e.Event).OfType<EpochCompleted>().First().ValLoss);
    }

    [Fact]
    public async Task Subscribe_ReconnectWithLastSeq_ReceivesExactlyTheMissedEvents()
    {
        var notifier = _app.Services.GetRequiredService<RunEventNotifier>();
        var events = new ConcurrentQueue<RunEventEnvelope>();
        var replays = new ConcurrentQueue<RunReplay>();
        var first = await ConnectAsync(events, replays);
        await first.InvokeAsync("Subscribe", "re-run", (long?)0);
        notifier.Publish(new RunStarted("re-run", "train", "cpu", 3, 5));
        notifier.Publish(new EpochCompleted("re-run", 1, 0.9, 0.8, 0.5, 1, 100));
        await WaitUntilAsync(() => events.Count == 2);
        await first.DisposeAsync();

        notifier.Publish(new EpochCompleted("re-run", 2, 0.7, 0.6, 0.5, 1, 100));
        notifier.Publish(new EpochCompleted("re-run", 3, 0.5, 0.4, 0.5, 1, 100));
        await WaitUntilAsync(() => notifier.Log.LastSeq("re-run") == 4);

        var missedEvents = new ConcurrentQueue<RunEventEnvelope>();
        var missedReplays = new ConcurrentQueue<RunReplay>();
        await using var second = await ConnectAsync(missedEvents, missedReplays);
        await second.InvokeAsync("Subscribe", "re-run", (long?)events.Last().Seq);
        notifier.Publish(new RunEnded("re-run", RunStatus.Completed, null, 3));
        await WaitUntilAsync(() => missedEvents.Any(e => e.Event is RunEnded));

        var replay = Assert.Single(missedReplays);
        Assert.False(replay.IsSnapshot);
        Assert.Equal([3, 4], replay.Events.Select(e => e.Seq));
        Assert.Equal([2, 3], replay.Events.Select(e => ((EpochCompleted)e.Event).Epoch));
        Assert.Equal([5], missedEvents.Select(e => e.Seq));
    }

    [Fact]
    public async Task Subscribe_WhileEventsStream_ReplayPlusLiveIsContiguousWithoutDuplicates()
    {
        var notifier = _app.Services.GetRequiredService<RunEventNotifier>();
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            // Epoch events are never throttled, so every one gets a sequence number.
            for (var epoch = 1; !stop.IsCancellationRequested; epoch++)
            {
                notifier.Publish(new EpochCompleted("busy-run", epoch, 1, 1, 0.5, 0, 0));
                if (epoch % 20 == 0)
                    await Task.Delay(1);
            }
        });
        await WaitUntilAsync(() => notifier.Log.LastSeq("busy-run") > 200);

        var events = new ConcurrentQueue<RunEventEnvelope>();
        var replays = new ConcurrentQueue<RunReplay>();
        await using var connection = await ConnectAsync(events, replays);
        await connection.InvokeAsync("Subscribe", "busy-run", (long?)50);
        await WaitUntilAsync(() => events.Count > 200);
        await stop.CancelAsync();
        await producer;

        var replay = Assert.Single(replays);
        Assert.False(replay.IsSnapshot);
        var seqs = replay.Events.Concat(events).Select(e => e.Seq).ToList();
        Assert.Equal(51, seqs[0]);
        Assert.Equal(Enumerable.Range(51, seqs.Count).Select(i => (long)i), seqs);
    }
}
