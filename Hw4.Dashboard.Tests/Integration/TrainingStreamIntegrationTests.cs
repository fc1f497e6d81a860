using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Tests.Integration;

/// <summary>
/// Real tiny CIFAR runs (256 images, one epoch, the real trainer) started through <c>POST /api/runs</c> on a real
/// Kestrel server, followed by real SignalR .NET clients. The synthetic-event cases (ordering under a busy producer,
/// replay bounds) are in <see cref="RunsHubIntegrationTests"/>; these check the same guarantees end to end.
/// </summary>
[Collection(Hw4.Dashboard.Tests.Hosting.HostingCollection.Name)]
[Trait("Category", "System")]
public sealed class TrainingStreamIntegrationTests(LiveServer server) : IClassFixture<LiveServer>
{
    private static readonly Type[] Milestones = [typeof(RunStarted), typeof(BatchProgress), typeof(EpochCompleted), typeof(Evaluated), typeof(RunEnded)];

    // Events hold collections (an evaluation's matrix), so two deserialised copies compare by content, as JSON.
    private static string Json(RunEvent e) => JsonSerializer.Serialize(e, LiveServer.EventJson);

    private static void AssertContiguous(IReadOnlyList<RunEventEnvelope> events, long first)
    {
        var seqs = events.Select(e => e.Seq).ToList();
        Assert.Equal(Enumerable.Range((int)first, seqs.Count).Select(i => (long)i), seqs);
    }

    [Fact]
    public async Task PostRun_SubscribedClient_ReceivesLifecycleInOrderWithIncreasingSeq()
    {
        var runId = await server.StartTinyRunAsync();
        await using var client = await server.ConnectAsync();
        await client.SubscribeAsync(runId, 0);
        await LiveServer.WaitUntilAsync(() => client.Finished);

        var events = client.All;
        AssertContiguous(events, 1);
        Assert.IsType<RunQueued>(events[0].Event);
        var kinds = events.Select(e => e.Event.GetType()).ToList();
        var firstIndex = Milestones.Select(t => kinds.IndexOf(t)).ToList();
        Assert.DoesNotContain(-1, firstIndex);
        Assert.Equal(firstIndex.Order(), firstIndex);
        var finished = Assert.IsType<RunEnded>(events[^1].Event);
        Assert.Equal(RunStatus.Completed, finished.Status);
        // Every batch of the one epoch, once and in order, though the hub sends them bundled (at most 4 messages a second):
        // those that happened before the client subscribed come in its replay, every later one in a bundle.
        var batches = events.Select(e => e.Event).OfType<BatchProgress>().ToList();
        Assert.Equal(Enumerable.Range(1, batches[0].BatchesPerEpoch), batches.Select(b => b.Batch));
        Assert.Equal(client.Live.Count(e => e.Event is BatchProgress), client.Bundles.Sum());
        var epoch = Assert.Single(events.Select(e => e.Event).OfType<EpochCompleted>());
        Assert.True(double.IsFinite(epoch.TrainLoss) && double.IsFinite(epoch.ValLoss));
        var evaluation = Assert.Single(events.Select(e => e.Event).OfType<Evaluated>()).Summary;
        Assert.Equal(TinyCifarZip.Classes.Length * 8, evaluation.Images);

        var status = await server.Http.GetFromJsonAsync<RunStatusResponse>(RunsApi.StatusPath(runId));
        Assert.NotNull(status);
        Assert.Equal(("completed", 1, 1), (status.Status, status.EpochsDone, status.EpochsPlanned));
        Assert.Equal([1], status.Epochs);
        Assert.Equal(evaluation.Accuracy, status.TestAccuracy);
        Assert.Equal(events[^1].Seq, status.LastSeq);
    }

    [Fact]
    public async Task Subscribe_JoinMidRun_GetsSnapshotThenLiveWithoutGap()
    {
        var runId = await server.StartTinyRunAsync();
        await using var first = await server.ConnectAsync();
        await first.SubscribeAsync(runId, 0);
        await LiveServer.WaitUntilAsync(() => first.All.Any(e => e.Event is BatchProgress));

        await using var late = await server.ConnectAsync();
        await late.SubscribeAsync(runId, null);
        await LiveServer.WaitUntilAsync(() => first.Finished && late.Finished);

        var snapshot = Assert.Single(late.Replays);
        Assert.True(snapshot.IsSnapshot);
        Assert.Contains(snapshot.Events, e => e.Event is BatchProgress);
        Assert.NotEmpty(late.Live);
        Assert.Equal(snapshot.LastSeq + 1, late.Live.First().Seq);
        AssertContiguous(late.All, 1);
        Assert.Equal(first.All.Select(e => e.Seq), late.All.Select(e => e.Seq));
        Assert.Equal(first.All.Select(e => Json(e.Event)), late.All.Select(e => Json(e.Event)));
    }

    [Fact]
    public async Task Subscribe_ReconnectWithLastSeq_ReceivesExactlyTheMissedEvents()
    {
        var runId = await server.StartTinyRunAsync();
        var first = await server.ConnectAsync();
        await first.SubscribeAsync(runId, 0);
        await LiveServer.WaitUntilAsync(() => first.All.Any(e => e.Event is BatchProgress));
        await first.DisposeAsync();
        var lastSeen = first.All[^1].Seq;
        // Let the run move on while nobody listens.
        await LiveServer.WaitUntilAsync(() => server.Notifier.Log.LastSeq(runId) >= lastSeen + 2);

        await using var again = await server.ConnectAsync();
        await again.SubscribeAsync(runId, lastSeen);
        await LiveServer.WaitUntilAsync(() => again.Finished);

        var replay = Assert.Single(again.Replays);
        Assert.False(replay.IsSnapshot);
        Assert.True(replay.Events.Count >= 2);
        AssertContiguous(again.All, lastSeen + 1);
        // Exactly what the server emitted after lastSeen: same numbers, same events, nothing before or twice.
        var emitted = server.Notifier.Log.Since(runId, lastSeen).Events;
        Assert.Equal(emitted.Select(e => e.Seq), again.All.Select(e => e.Seq));
        Assert.Equal(emitted.Select(e => Json(e.Event)), again.All.Select(e => Json(e.Event)));
        Assert.IsType<RunEnded>(again.All[^1].Event);
    }

    [Fact]
    public async Task PostStop_QueuedOrRunning_RunEndsStopped()
    {
        var runId = await server.StartTinyRunAsync();

        using var stop = await server.Http.PostAsync(RunsApi.StatusPath(runId) + "/stop", null);
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        await LiveServer.WaitUntilAsync(() => server.Notifier.Log.Since(runId, 0).Events.Any(e => e.Event.IsTerminal));

        var end = server.Notifier.Log.Since(runId, 0).Events[^1].Event;
        Assert.Equal(RunStatus.Stopped, Assert.IsType<RunEnded>(end).Status);
        var status = await server.Http.GetFromJsonAsync<RunStatusResponse>(RunsApi.StatusPath(runId));
        Assert.Equal("stopped", status?.Status);
    }

    [Fact]
    public async Task PostStop_QueuedBehindARunningRun_EndsStoppedAtOnceAndTheFirstCompletes()
    {
        var first = await server.StartTinyRunAsync();
        var second = await server.StartTinyRunAsync();

        using var stop = await server.Http.PostAsync(RunsApi.StatusPath(second) + "/stop", null);

        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        var stopped = await server.Http.GetFromJsonAsync<RunStatusResponse>(RunsApi.StatusPath(second));
        Assert.Equal(("stopped", 0), (stopped!.Status, stopped.EpochsDone));
        Assert.Equal("stopped while queued", stopped.Message);
        await LiveServer.WaitUntilAsync(() => server.Notifier.Log.Since(first, 0).Events.Any(e => e.Event.IsTerminal));
        var done = await server.Http.GetFromJsonAsync<RunStatusResponse>(RunsApi.StatusPath(first));
        Assert.Equal("completed", done!.Status);
        Assert.Equal("stopped", (await server.Http.GetFromJsonAsync<RunStatusResponse>(RunsApi.StatusPath(second)))!.Status);
    }
}
