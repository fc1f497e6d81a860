using System.Collections.Concurrent;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hw4.Dashboard.Tests.Features.Streaming;

/// <summary>The notifier with its real pump and hub context (no hub clients connected), as the app wires them.</summary>
public sealed class RunEventNotifierTests : IAsyncLifetime
{
    private ServiceProvider _services = default!;
    private IHostedService _pump = default!;

    private RunEventNotifier Notifier => _services.GetRequiredService<RunEventNotifier>();

    public async Task InitializeAsync()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hw4:Streaming:DenoiseProgressPerSecond"] = "10", ["Hw4:Streaming:BatchMessagesPerSecond"] = "4" })
            .Build());
        collection.AddLogging();
        collection.AddSingleton(TimeProvider.System);
        collection.AddRunStreaming();
        _services = collection.BuildServiceProvider();
        _pump = _services.GetServices<IHostedService>().OfType<RunEventPump>().Single();
        await _pump.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _pump.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_LiveEvents_ArriveInIncreasingSequenceOrder()
    {
        var received = new ConcurrentQueue<RunEventEnvelope>();
        var done = new TaskCompletionSource();
        using var subscription = Notifier.Subscribe("r1", 0, e =>
        {
            received.Enqueue(e);
            if (e.Event is RunEnded)
                done.TrySetResult();
        });

        Notifier.Publish(new RunStarted("r1", "train", "cpu", 1, 3));
        for (var i = 1; i <= 3; i++)
            Notifier.Publish(new EpochCompleted("r1", i, 1.0 / i, 1.0 / i, 0.5, 1, 100));
        Notifier.Publish(new RunEnded("r1", RunStatus.Completed, null, 3));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(subscription.Replay!.Events);
        Assert.Equal([1, 2, 3, 4, 5], received.Select(e => e.Seq));
        Assert.IsType<RunStarted>(received.First().Event);
    }

    [Fact]
    public async Task Subscribe_LateSubscriber_GetsSnapshotThenOnlyNewEvents()
    {
        var firstDone = new TaskCompletionSource();
        using (Notifier.Subscribe("r2", 0, e => { if (e.Seq == 2) firstDone.TrySetResult(); }))
        {
            Notifier.Publish(new RunQueued("r2", "train", "cnn", 1));
            Notifier.Publish(new RunStarted("r2", "train", "cpu", 1, 3));
            await firstDone.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        var live = new ConcurrentQueue<long>();
        var liveDone = new TaskCompletionSource();
        using var late = Notifier.Subscribe("r2", null, e =>
        {
            live.Enqueue(e.Seq);
            liveDone.TrySetResult();
        });
        Notifier.Publish(new RunEnded("r2", RunStatus.Completed, null, 1));
        await liveDone.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(late.Replay!.IsSnapshot);
        Assert.Equal([1, 2], late.Replay.Events.Select(e => e.Seq));
        Assert.Equal([3], live);
    }

    [Fact]
    public async Task Publish_ThousandBatchesAtOnce_ComponentsGetEveryOneInOrder()
    {
        var received = new ConcurrentQueue<RunEventEnvelope>();
        var finished = new TaskCompletionSource();
        using var subscription = Notifier.Subscribe("r3", 0, e =>
        {
            received.Enqueue(e);
            if (e.Event is RunEnded)
                finished.TrySetResult();
        });

        for (var i = 1; i <= 1000; i++)
            Notifier.Publish(new BatchProgress("r3", 1, i, 1000, i, 1.0 / i, 1.0 / i, 1000, null));
        Notifier.Publish(new EpochCompleted("r3", 1, 0.5, 0.6, 0.7, 1, 1000));
        Notifier.Publish(new RunEnded("r3", RunStatus.Completed, null, 1));
        await finished.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Through the real pump: components get every batch at once, in order (only the hub bundles them), then the
        // epoch and the end, numbered without gaps.
        var steps = received.Select(e => e.Event).OfType<BatchProgress>().Select(b => b.Step).ToList();
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), steps);
        Assert.Equal([typeof(EpochCompleted), typeof(RunEnded)], received.TakeLast(2).Select(e => e.Event.GetType()));
        Assert.Equal(Enumerable.Range(1, received.Count).Select(i => (long)i), received.Select(e => e.Seq));
    }

    [Fact]
    public async Task Dispose_Subscription_StopsDelivery()
    {
        var count = 0;
        var sub = Notifier.Subscribe("r4", 0, _ => Interlocked.Increment(ref count));
        var probeDone = new TaskCompletionSource();
        using var probe = Notifier.Subscribe("r4", 0, e => { if (e.Seq == 2) probeDone.TrySetResult(); });

        sub.Dispose();
        Notifier.Publish(new RunStarted("r4", "train", "cpu", 1, 1));
        Notifier.Publish(new RunEnded("r4", RunStatus.Completed, null, 1));
        await probeDone.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, Volatile.Read(ref count));
    }

    [Fact]
    public async Task Publish_SubscriberThrows_OtherSubscribersAndLaterEventsStillArrive()
    {
        var good = new ConcurrentQueue<long>();
        var done = new TaskCompletionSource();
        using var bad = Notifier.Subscribe("r9", 0, _ => throw new InvalidOperationException("a component's bug"));
        using var ok = Notifier.Subscribe("r9", 0, e =>
        {
            good.Enqueue(e.Seq);
            if (e.Event is RunEnded)
                done.TrySetResult();
        });

        Notifier.Publish(new RunStarted("r9", "train", "cpu", 1, 3));
        Notifier.Publish(new EpochCompleted("r9", 1, 1, 1, 0.5, 1, 100));
        Notifier.Publish(new RunEnded("r9", RunStatus.Completed, null, 3));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2, 3], good);
        // The pump is still alive: a later run streams too.
        var later = new TaskCompletionSource();
        using var next = Notifier.Subscribe("r10", 0, _ => later.TrySetResult());
        Notifier.Publish(new RunStarted("r10", "train", "cpu", 1, 3));
        await later.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
