using System.Collections.Concurrent;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Streaming.Redis;
using Hw4.Ml.Lifecycle;
using Hw4.Testing.Servers;
using Hw4.Ml.Lifecycle.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Hw4.Dashboard.Tests.Features.Streaming;

/// <summary>
/// Two hosts' streaming, wired as the app wires it with <c>Hw4:Redis</c> set, in one test process against the tests'
/// Redis server (<see cref="SharedServers.RedisAsync"/>): what one host numbers reaches the other's components with the same numbers, in order; a host taking a run
/// over goes on from the other's last number; the shared log replays; and without Redis a host still streams locally.
/// </summary>
public sealed class RedisRunEventExchangeTests : IAsyncLifetime
{
    private readonly string _run = $"redis-test-{Guid.NewGuid():N}";
    private readonly List<(ServiceProvider Services, List<IHostedService> Hosted)> _hosts = [];

    private string? _redis;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (services, hosted) in _hosts)
        {
            foreach (var h in hosted)
                await h.StopAsync(CancellationToken.None);
            await services.DisposeAsync();
        }

        if (_redis is null)
            return;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis);
        var db = redis.GetDatabase();
        await db.KeyDeleteAsync([RedisRunKeys.Milestones(_run), RedisRunKeys.Recent(_run), RedisRunKeys.Meta(_run), RedisRunKeys.Owner(_run), RedisRunKeys.Lock(_run)]);
    }

    private async Task<RunEventNotifier> HostAsync(string name, string redis)
    {
        var collection = new ServiceCollection();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hw4:Redis"] = redis, ["Hw4:HostName"] = name })
            .Build();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddOptions<Hw4Options>().BindConfiguration(Hw4Options.Section);
        collection.AddLogging();
        collection.AddSingleton(TimeProvider.System);
        collection.AddRunStreaming(configuration);
        var services = collection.BuildServiceProvider();
        var hosted = services.GetServices<IHostedService>().ToList();
        foreach (var h in hosted)
            await h.StartAsync(CancellationToken.None);
        _hosts.Add((services, hosted));
        return services.GetRequiredService<RunEventNotifier>();
    }

    private static (ConcurrentQueue<RunEventEnvelope> Seen, RunSubscription Subscription) Follow(RunEventNotifier notifier, string run)
    {
        var seen = new ConcurrentQueue<RunEventEnvelope>();
        return (seen, notifier.SubscribeAll(e =>
        {
            if (e.RunId == run)
                seen.Enqueue(e);
        }));
    }

    // Each host's listener subscribes to every host's events first and to its own release channel last: once both
    // release channels have their subscriber, both hosts hear each other's events.
    private async Task UntilSubscribedAsync(string configuration)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var channels = _hosts.Select(h => RedisRunKeys.Release(h.Services.GetRequiredService<StreamingInstance>().Id)).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var counts = await Task.WhenAll(channels.Select(async c => (long)((RedisResult[])(await server.ExecuteAsync("PUBSUB", "NUMSUB", c.ToString()))!)[1]));
            if (counts.All(n => n > 0))
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the hosts' listeners did not subscribe within 60 s ({string.Join(", ", counts)})");
            await Task.Delay(20);
        }
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(what);
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task EventsNumberedOnOneHost_ReachTheOthersComponentsInOrder_AndATakeOverGoesOnFromTheLastNumber()
    {
        _redis = await SharedServers.RedisAsync();
        var a = await HostAsync("host-a", _redis);
        var b = await HostAsync("host-b", _redis);
        var (onB, followB) = Follow(b, _run);
        var (onA, followA) = Follow(a, _run);
        using var _ = followA;
        using var __ = followB;
        await UntilSubscribedAsync(_redis);

        a.Publish(new RunQueued(_run, "train", "cnn", 1));
        a.Publish(new RunStarted(_run, "train", "cpu", 1, 2));
        for (var batch = 1; batch <= 20; batch++)
            a.Publish(new BatchProgress(_run, 1, batch, 20, 40, 2.0 / batch, 2.0 / batch, 100, null, batch));
        a.Publish(new EpochCompleted(_run, 1, 1.5, 1.4, 0.3, 2, 100));
        await UntilAsync(() => onB.Count == 23, $"B saw {onB.Count} of A's 23 events");
        Assert.Equal(Enumerable.Range(1, 23).Select(i => (long)i), onB.Select(e => e.Seq));
        Assert.Equal(onA.Select(e => (e.Seq, e.Event.GetType())), onB.Select(e => (e.Seq, e.Event.GetType())));

        // The run is resumed on B: its events go on from A's last number, and A's components get them.
        b.Publish(new RunStarted(_run, "train", "cpu", 2, 2, ResumedFromEpoch: 1));
        b.Publish(new RunEnded(_run, RunStatus.Completed, null, 3));
        await UntilAsync(() => onA.Count == 25, $"A saw {onA.Count} of 25 events");
        Assert.Equal([24L, 25L], onA.Skip(23).Select(e => e.Seq));
        Assert.Equal(25, b.Log.LastSeq(_run));

        // The shared log, read by a third host that never saw the run: the whole history.
        var c = new RunEventLog(4096, 4);
        var redis = _hosts[0].Services.GetRequiredService<RedisConnection>();
        Assert.True(await new RedisRunLog(4096).LoadAsync(await redis.DatabaseAsync(), _run, c));
        var replay = c.Since(_run, 20);
        Assert.False(replay.IsSnapshot);
        Assert.Equal([21L, 22L, 23L, 24L, 25L], replay.Events.Select(e => e.Seq));
        Assert.IsType<EpochCompleted>(replay.Events[2].Event);
    }

    [Fact]
    public async Task RedisUnreachable_TheHostStillStreamsItsOwnEvents()
    {
        // Port 1: nothing listens; the connection retries in the background and the host goes on alone.
        var alone = await HostAsync("host-alone", "127.0.0.1:1,connectTimeout=200");
        var (seen, follow) = Follow(alone, _run);
        using var _ = follow;
        alone.Publish(new RunStarted(_run, "train", "cpu", 1, 1));
        alone.Publish(new RunEnded(_run, RunStatus.Completed, null, 1));
        await UntilAsync(() => seen.Count == 2, $"saw {seen.Count} of 2 events");
        Assert.Equal([1L, 2L], seen.Select(e => e.Seq));
    }
}
