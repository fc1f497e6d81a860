using System.Collections.Concurrent;
using System.Text.Json;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using MessagePack;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Integration;

/// <summary>
/// The hub's MessagePack protocol next to JSON: a real Kestrel server, one real .NET client per protocol, every event
/// type the hub sends (nested records, enums, nulls, the envelope's <see cref="DateTimeOffset"/>), live and replayed.
/// </summary>
[Collection(Hw4.Dashboard.Tests.Hosting.HostingCollection.Name)]
public sealed class RunsHubMessagePackTests : IAsyncLifetime
{
    private const string Run = "mp-run";
    private static readonly JsonSerializerOptions Json = Hw4Json();

    // A server of this test's own (not a class fixture): each test numbers the same run's events from 1.
    private readonly LiveServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    // One of every event type (and of the nullable members both null and set where a type has one).
    private static IReadOnlyList<RunEvent> EveryEventType() =>
    [
        new RunQueued(Run, "train", "cnn, 2 epochs", 1),
        new RunStarted(Run, "train", "cpu", 2, 3, ResumedFromEpoch: 1),
        new RunWarning(Run, "a torn checkpoint was skipped"),
        new BatchProgress(Run, 2, 3, 3, 6, 1.25, 1.5, 812.5, EtaSeconds: null, ElapsedSeconds: 0.75),
        new EpochCompleted(Run, 2, 1.1, double.NaN, 0.375, 4.5, 910.25),
        new CheckpointSaved(Run, 2, "checkpoints/model_2.params"),
        new Diverged(Run, 2, 3, LastFiniteLoss: null),
        new Evaluated(Run, new EvaluationSummary(
            "checkpoints/model_2.params", 2, 4, 0.5,
            new Dictionary<string, double> { ["cat"] = 1, ["dog"] = 0 },
            ["cat", "dog"],
            [[2, 0], [2, 0]],
            [[1, 0], [1, 0]],
            "dog", MostConfusedWith: "cat",
            [new ConfusionExample(3, "dog", "cat", 0.875, File: null), new ConfusionExample(1, "dog", "cat", 0.5, "1.png")],
            250)),
        new DenoiseProgress(Run, 7, 200, 0.0125, Psnr: null),
        new DenoiseFinished(Run, 200, 0.01, PsnrInput: 20.5, PsnrOutput: null, 1.5, HasImage: true),
        new RunEnded(Run, RunStatus.Diverged, "diverged at epoch 2, batch 3", 12.5),
    ];

    private async Task<HubConnection> ConnectAsync(bool messagePack, ConcurrentQueue<RunEventEnvelope> events, ConcurrentQueue<RunReplay> replays)
    {
        var builder = new HubConnectionBuilder().WithUrl(_server.Url + RunsHub.Path);
        if (messagePack)
            builder.AddMessagePackProtocol(o => o.SerializerOptions = RunEventMessagePack.Options);
        else
            builder.AddJsonProtocol(o => RunStatusJson.ApplyTo(o.PayloadSerializerOptions));
        var connection = builder.Build();
        connection.On<RunEventEnvelope>(nameof(IRunsClient.ReceiveEvent), events.Enqueue);
        connection.On<RunEventEnvelope[]>(nameof(IRunsClient.ReceiveEvents), batch => Array.ForEach(batch, events.Enqueue));
        connection.On<RunReplay>(nameof(IRunsClient.ReceiveReplay), replays.Enqueue);
        await connection.StartAsync();
        return connection;
    }

    private static JsonSerializerOptions Hw4Json()
    {
        var options = new JsonSerializerOptions();
        RunStatusJson.ApplyTo(options);
        return options;
    }

    // Records holding arrays and dictionaries compare by reference; their JSON (with the type word) compares values.
    private static string Text(RunEvent e) => JsonSerializer.Serialize(e, Json);

    [Fact]
    public async Task Subscribe_MessagePackAndJsonClients_ReceiveEveryEventTypeInOrderWithTheSameValues()
    {
        var notifier = _server.Notifier;
        var (mpEvents, mpReplays) = (new ConcurrentQueue<RunEventEnvelope>(), new ConcurrentQueue<RunReplay>());
        var (jsonEvents, jsonReplays) = (new ConcurrentQueue<RunEventEnvelope>(), new ConcurrentQueue<RunReplay>());
        await using var mp = await ConnectAsync(messagePack: true, mpEvents, mpReplays);
        await using var json = await ConnectAsync(messagePack: false, jsonEvents, jsonReplays);

        await mp.InvokeAsync(nameof(RunsHub.Subscribe), Run, (long?)0);
        await json.InvokeAsync(nameof(RunsHub.Subscribe), Run, (long?)0);
        var published = EveryEventType();
        foreach (var e in published)
            notifier.Publish(e);
        await LiveServer.WaitUntilAsync(() => mpEvents.Any(e => e.Event is RunEnded) && jsonEvents.Any(e => e.Event is RunEnded), seconds: 10);

        var sent = notifier.Log.Since(Run, 0).Events;
        Assert.Equal(Enumerable.Range(1, published.Count).Select(i => (long)i), mpEvents.Select(e => e.Seq));
        Assert.Equal(published.Select(e => e.GetType()), mpEvents.Select(e => e.Event.GetType()));
        Assert.Equal(published.Select(Text), mpEvents.Select(e => Text(e.Event)));
        Assert.Equal(jsonEvents.Select(e => (e.Seq, e.At, Text(e.Event))), mpEvents.Select(e => (e.Seq, e.At, Text(e.Event))));
        Assert.Equal(sent.Select(e => (e.At, e.At.Offset)), mpEvents.Select(e => (e.At, e.At.Offset)));
        Assert.Equal(RunStatus.Diverged, ((RunEnded)mpEvents.Last().Event).Status);
        Assert.Null(((BatchProgress)mpEvents.Single(e => e.Event is BatchProgress).Event).EtaSeconds);
        Assert.True(double.IsNaN(((EpochCompleted)mpEvents.Single(e => e.Event is EpochCompleted).Event).ValLoss));
        Assert.False(Assert.Single(mpReplays).IsSnapshot);
    }

    [Fact]
    public async Task Subscribe_MessagePackClientAfterTheRun_SnapshotHoldsTheSameEventsAsJson()
    {
        var notifier = _server.Notifier;
        var published = EveryEventType();
        foreach (var e in published)
            notifier.Publish(e);
        await LiveServer.WaitUntilAsync(() => notifier.Log.LastSeq(Run) == published.Count, seconds: 10);

        var (mpEvents, mpReplays) = (new ConcurrentQueue<RunEventEnvelope>(), new ConcurrentQueue<RunReplay>());
        var (jsonEvents, jsonReplays) = (new ConcurrentQueue<RunEventEnvelope>(), new ConcurrentQueue<RunReplay>());
        await using var mp = await ConnectAsync(messagePack: true, mpEvents, mpReplays);
        await using var json = await ConnectAsync(messagePack: false, jsonEvents, jsonReplays);
        await mp.InvokeAsync(nameof(RunsHub.Subscribe), Run, (long?)null);
        await json.InvokeAsync(nameof(RunsHub.Subscribe), Run, (long?)null);
        await LiveServer.WaitUntilAsync(() => !mpReplays.IsEmpty && !jsonReplays.IsEmpty, seconds: 10);

        var (mpReplay, jsonReplay) = (Assert.Single(mpReplays), Assert.Single(jsonReplays));
        Assert.True(mpReplay.IsSnapshot);
        Assert.Equal((Run, published.Count), (mpReplay.RunId, (int)mpReplay.LastSeq));
        Assert.Equal(published.Select(Text), mpReplay.Events.Select(e => Text(e.Event)));
        Assert.Equal(jsonReplay.Events.Select(e => (e.Seq, e.At, Text(e.Event))), mpReplay.Events.Select(e => (e.Seq, e.At, Text(e.Event))));
    }

    [Fact]
    public void Options_EnvelopeWithOffsetAndEveryEventType_RoundTripsItsValues()
    {
        var at = new DateTimeOffset(2026, 12, 2, 19, 30, 1, 234, TimeSpan.FromHours(2)).AddTicks(5678);
        foreach (var e in EveryEventType())
        {
            var bytes = MessagePackSerializer.Serialize(new RunEventEnvelope(42, at, e), RunEventMessagePack.Options);
            var back = MessagePackSerializer.Deserialize<RunEventEnvelope>(bytes, RunEventMessagePack.Options);

            Assert.Equal((42L, at, at.Offset, Text(e)), (back.Seq, back.At, back.At.Offset, Text(back.Event)));
        }
    }
}
