using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Hw4.Dashboard.Features.Streaming.Redis;

/// <summary>
/// This instance's ear on Redis: the events other instances number (to this host's components, through its notifier;
/// their hub clients got them through the backplane already), and the attach handshake of
/// <see cref="RedisRunEventExchange"/>: hold this host's events when asked (on its pump, between two events, until
/// released or <see cref="ReleaseTimeout"/>), and the answers to this host's own requests. When its connection to Redis
/// comes back it asks every instance (itself included) to resync the runs it owns (<see cref="RedisRunKeys.Resync"/>),
/// so the events numbered meanwhile reach every viewer, or a snapshot does. It asks again every
/// <see cref="ResyncRetry"/> until it hears its own request: StackExchange.Redis reports a connection restored before
/// it has renewed every subscription, and a snapshot sent to a run's group before this host listens again is lost to
/// its viewers.
/// </summary>
public sealed class RedisRunEventListener(
    RedisConnection redis,
    StreamingInstance instance,
    RunEventNotifier notifier,
    RedisRunEventExchange exchange,
    TimeProvider time,
    ILogger<RedisRunEventListener> logger) : BackgroundService
{
    /// <summary>The longest an owner holds its events for one attaching connection.</summary>
    public static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long this host waits to hear its own resync request before it sends it again.</summary>
    public static readonly TimeSpan ResyncRetry = TimeSpan.FromSeconds(1);

    private const int ResyncAttempts = 60;

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _releases = new(StringComparer.Ordinal);
    private TaskCompletionSource _heardOwnResync = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var multiplexer = await redis.ConnectAsync();
        var subscriber = multiplexer.GetSubscriber();
        multiplexer.ConnectionFailed += (_, _) => exchange.Disconnected();
        multiplexer.ConnectionRestored += (_, e) =>
        {
            // Once this instance listens again; every owner (this one too) then resyncs.
            if (e.ConnectionType == ConnectionType.Subscription)
                _ = RequestResyncAsync(subscriber, stoppingToken);
        };
        var own = RedisRunKeys.Events(instance.Id);
        // Queues, not plain handlers: StackExchange.Redis runs plain handlers concurrently, and a run's events must reach
        // the notifier in the order they were published.
        await SubscribeAsync(subscriber, RedisRunKeys.AllEvents, m =>
        {
            if (m.Channel != own)
                Guard("an event", () => notifier.Relay(RedisRunLog.Read(m.Message)));
        }, stoppingToken);
        await SubscribeAsync(subscriber, RedisRunKeys.Resync, m => Guard("a resync request", () =>
        {
            if (m.Message == instance.Id)
                _heardOwnResync.TrySetResult();
            ResyncOwnedRuns();
        }), stoppingToken);
        await SubscribeAsync(subscriber, RedisRunKeys.Hold(instance.Id), m => Guard("a hold request", () => OnHold(m.Message!)), stoppingToken);
        await SubscribeAsync(subscriber, RedisRunKeys.Held(instance.Id), m => Guard("a hold answer", () => exchange.Held(m.Message!)), stoppingToken);
        await SubscribeAsync(subscriber, RedisRunKeys.Release(instance.Id), m => Guard("a release", () =>
        {
            if (_releases.TryRemove(m.Message!, out var release))
                release.TrySetResult();
        }), stoppingToken);

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        finally
        {
            await subscriber.UnsubscribeAllAsync();
        }
    }

    // Redis down at start must not stop the host: retry until it answers (StackExchange.Redis renews subscriptions
    // itself after any later outage).
    private async Task SubscribeAsync(ISubscriber subscriber, RedisChannel channel, Action<ChannelMessage> handle, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                (await subscriber.SubscribeAsync(channel)).OnMessage(handle);
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning("Redis does not answer ({Message}); this host hears no other host's run events until it does", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            }
        }
    }

    // Asks every owner to resync until this host hears the request itself, that is until its subscriptions (the
    // backplane's run groups among them) deliver again; owners answer each request, a repeated snapshot is harmless.
    private async Task RequestResyncAsync(ISubscriber subscriber, CancellationToken stoppingToken)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _heardOwnResync = heard;
        for (var attempt = 1; attempt <= ResyncAttempts; attempt++)
        {
            Guard("a resync request", () => subscriber.Publish(RedisRunKeys.Resync, instance.Id, CommandFlags.FireAndForget));
            await Task.WhenAny(heard.Task, Task.Delay(ResyncRetry, time, stoppingToken));
            if (heard.Task.IsCompleted || stoppingToken.IsCancellationRequested)
                return;
        }

        logger.LogWarning("This host did not hear its own resync request within {Attempts} tries; its viewers may miss the events numbered while Redis was away until they reload", ResyncAttempts);
    }

    // On the pump, between two events of each run: the shared log first, then the snapshot to the run's group.
    private void ResyncOwnedRuns()
    {
        foreach (var runId in exchange.RunsToResync())
            notifier.Hold(runId, stoppingToken => exchange.ResyncAsync(runId, notifier.Log, stoppingToken));
    }

    private void OnHold(string payload)
    {
        var parts = payload.Split('\n');
        if (parts.Length != 3)
            throw new FormatException($"a hold request is 'request\\nrequester\\nrun', not '{payload}'");
        var (requestId, requester, runId) = (parts[0], parts[1], parts[2]);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _releases[requestId] = release;
        notifier.Hold(runId, async stoppingToken =>
        {
            try
            {
                var db = await redis.DatabaseAsync();
                await db.PublishAsync(RedisRunKeys.Held(requester), requestId);
                await release.Task.WaitAsync(ReleaseTimeout, time, stoppingToken);
            }
            catch (TimeoutException)
            {
                logger.LogWarning("Instance {Requester} did not release run {RunId}'s events within {Timeout}; going on", requester, runId, ReleaseTimeout);
            }
            finally
            {
                _releases.TryRemove(requestId, out _);
            }
        });
    }

    // A malformed message on a shared Redis must not end the subscription.
    private void Guard(string what, Action handle)
    {
        try
        {
            handle();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Ignored {What} from Redis that could not be read", what);
        }
    }
}
