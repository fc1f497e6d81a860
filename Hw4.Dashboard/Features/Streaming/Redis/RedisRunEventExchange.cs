using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Hw4.Dashboard.Features.Streaming.Redis;

/// <summary>
/// Run events across hosts through Redis. The instance that emits a run's events owns it (a key with a time to live,
/// renewed while it emits) and numbers them; each one goes to the run's hub group through SignalR's Redis backplane, to
/// the shared <see cref="RedisRunLog"/> and to the other instances' components (<see cref="RedisRunEventListener"/>).
/// A connection attaches under the run's lock, which a host needs to take a run over: through the owner's pump when
/// this instance owns the run; else, with the owner holding its events (or none owning it), from the shared log, then
/// into the group, before the owner goes on. So a viewer on any instance gets the replay, then every later event once,
/// in order, with the owner's sequence numbers. Events numbered while Redis was unreachable (or lost with a Redis
/// restart) are not silently skipped: once Redis answers again the owner rewrites the run's shared log from its own and
/// sends the run's group a snapshot replay (<c>isSnapshot: true</c>), as a client gets after a server restart
/// (<see cref="ResyncAsync"/>).
/// </summary>
public sealed class RedisRunEventExchange(
    RedisConnection redis,
    StreamingInstance instance,
    IHubContext<RunsHub, IRunsClient> hub,
    Microsoft.Extensions.Options.IOptions<StreamingOptions> streamingOptions,
    TimeProvider time,
    ILogger<RedisRunEventExchange> logger) : IRunEventExchange
{
    /// <summary>How long an owner's claim lasts without a new event; renewed at a third of it.</summary>
    public static readonly TimeSpan OwnerTtl = TimeSpan.FromSeconds(30);

    /// <summary>How long an attaching instance waits for the owner to hold its events.</summary>
    public static readonly TimeSpan HoldTimeout = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan LockTtl = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    private const string RenewIfMine = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
    private const string DeleteIfMine = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private readonly StreamingOptions _options = streamingOptions.Value;
    private readonly RedisRunLog _log = new(streamingOptions.Value.LogCapacityPerRun);
    private readonly ConcurrentDictionary<string, long> _ownedUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _alone = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _unshared = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _resyncedAt = new(StringComparer.Ordinal);

    /// <summary>
    /// How long a run stays answerable after its snapshot went out: an instance whose subscription comes back later
    /// than this one's (each connection retries on its own schedule) asks again, and its viewers need the snapshot too,
    /// even when the run ended during the outage and this instance owns it no more.
    /// </summary>
    public static readonly TimeSpan ResyncRetention = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The runs whose events this instance numbers or numbered while Redis may have missed some: those it owns now,
    /// those with an event Redis did not take, and those it resynced within <see cref="ResyncRetention"/>.
    /// </summary>
    public IReadOnlyList<string> RunsToResync()
    {
        var oldest = time.GetTimestamp() - (long)(ResyncRetention.TotalSeconds * time.TimestampFrequency);
        foreach (var (runId, at) in _resyncedAt)
        {
            if (at < oldest)
                _resyncedAt.TryRemove(runId, out _);
        }

        return [.. _unshared.Keys.Union(_ownedUntil.Keys).Union(_resyncedAt.Keys).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The connection to Redis failed: whatever this instance owns may miss events until <see cref="ResyncAsync"/>.</summary>
    public void Disconnected()
    {
        foreach (var runId in _ownedUntil.Keys)
            _unshared.TryAdd(runId, 0);
    }

    /// <summary>
    /// After Redis came back: replaces <paramref name="runId"/>'s shared log with this instance's (every milestone, the
    /// recent progress, the last and dropped sequence numbers) and sends the run's hub group a snapshot replay of it,
    /// so every connection on every instance ends with every event or a snapshot. Runs on the pump (through
    /// <see cref="RunEventNotifier.Hold"/>), between two events of the run.
    /// </summary>
    public async Task ResyncAsync(string runId, RunEventLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.LastSeq(runId) == 0 || await redis.ConnectedDatabaseAsync() is not { } db)
            return;
        var snapshot = log.Since(runId, null);
        await using (await LockAsync(db, runId, cancellationToken))
        {
            await _log.ReplaceAsync(db, runId, snapshot, log.DroppedUpTo(runId));
            if (snapshot.Events.Count > 0 && snapshot.Events[^1].Event.IsTerminal)
                _ownedUntil.TryRemove(runId, out _);
        }

        await hub.Clients.Group(RunsHub.GroupName(runId)).ReceiveReplay(snapshot with { IsSnapshot = true });
        _resyncedAt[runId] = time.GetTimestamp();
        _unshared.TryRemove(runId, out _);
        logger.LogInformation("Run {RunId}: Redis is back; its shared log was rewritten and its viewers sent a snapshot up to {Seq}", runId, snapshot.LastSeq);
    }

    /// <inheritdoc />
    public async ValueTask ClaimAsync(string runId, RunEventLog log, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (_ownedUntil.TryGetValue(runId, out var until) && now < until)
            return;
        try
        {
            if (await redis.ConnectedDatabaseAsync() is not { } db)
            {
                WarnAlone(runId);
                return;
            }

            var renewed = (long)await db.ScriptEvaluateAsync(RenewIfMine, [RedisRunKeys.Owner(runId)], [instance.Id, (long)OwnerTtl.TotalMilliseconds]);
            if (renewed == 0)
            {
                // Taking the run over (its first event here, a resume, or a lapsed claim): continue its numbering.
                await using var held = await LockAsync(db, runId, cancellationToken);
                if (await RedisRunLog.LastSeqAsync(db, runId) > log.LastSeq(runId))
                    await _log.LoadAsync(db, runId, log);
                await db.StringSetAsync(RedisRunKeys.Owner(runId), instance.Id, OwnerTtl);
            }

            _ownedUntil[runId] = now + (long)(OwnerTtl.TotalSeconds / 3 * time.TimestampFrequency);
            _alone.TryRemove(runId, out _);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The event still goes out here; other instances may miss it until Redis answers again.
            logger.LogWarning(e, "Could not claim run {RunId} in Redis", runId);
        }
    }

    /// <inheritdoc />
    public void Published(RunEventEnvelope envelope, RunEventLog log)
    {
        if (!redis.TryGetDatabase(out var db))
        {
            // Kept in this host's log; shared (with a snapshot to the run's viewers) when Redis answers again.
            _unshared.TryAdd(envelope.RunId, 0);
            return;
        }

        var payload = RedisRunLog.Write(envelope);
        var batch = db.CreateBatch();
        _log.Append(batch, envelope, log.DroppedUpTo(envelope.RunId), payload);
        _ = batch.PublishAsync(RedisRunKeys.Events(instance.Id), payload, CommandFlags.FireAndForget);
        if (envelope.Event.IsTerminal)
        {
            _ = batch.ScriptEvaluateAsync(DeleteIfMine, [RedisRunKeys.Owner(envelope.RunId)], [instance.Id], CommandFlags.FireAndForget);
            _ownedUntil.TryRemove(envelope.RunId, out _);
        }

        batch.Execute();
    }

    /// <inheritdoc />
    public async Task AttachAsync(string connectionId, string runId, long? lastSeq, Func<Task> attachHere, CancellationToken cancellationToken)
    {
        IDatabase db;
        RunLock held;
        try
        {
            db = await redis.ConnectedDatabaseAsync() ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is not connected");
            held = await LockAsync(db, runId, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Redis did not answer; connection {ConnectionId} follows run {RunId} with this host's events only", connectionId, runId);
            await attachHere();
            return;
        }

        await using (held)
        {
            var owner = (string?)await db.StringGetAsync(RedisRunKeys.Owner(runId));
            if (owner == instance.Id)
            {
                await attachHere();
                return;
            }

            var hold = owner is null ? null : await HoldAsync(db, owner, runId, cancellationToken);
            try
            {
                var replayLog = new RunEventLog(_options.LogCapacityPerRun, 1);
                await _log.LoadAsync(db, runId, replayLog);
                await hub.Clients.Client(connectionId).ReceiveReplay(replayLog.Since(runId, lastSeq));
                await hub.Groups.AddToGroupAsync(connectionId, RunsHub.GroupName(runId), cancellationToken);
            }
            finally
            {
                if (hold is not null)
                    await db.PublishAsync(RedisRunKeys.Release(owner!), hold);
            }
        }
    }

    // Once per run and outage, not once per event.
    private void WarnAlone(string runId)
    {
        if (_alone.TryAdd(runId, 0))
            logger.LogWarning("Redis is not connected: run {RunId}'s events reach this host's viewers only until it is", runId);
    }

    /// <summary>Called by <see cref="RedisRunEventListener"/> when an owner says it holds its events.</summary>
    internal void Held(string requestId)
    {
        if (_holds.TryRemove(requestId, out var waiting))
            waiting.TrySetResult();
    }

    // The request's id once the owner holds its events (to release it with), null when it did not answer in time.
    private async Task<string?> HoldAsync(IDatabase db, string owner, string runId, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString("N");
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holds[requestId] = answer;
        try
        {
            await db.PublishAsync(RedisRunKeys.Hold(owner), $"{requestId}\n{instance.Id}\n{runId}");
            await answer.Task.WaitAsync(HoldTimeout, time, cancellationToken);
            return requestId;
        }
        catch (TimeoutException)
        {
            // A host that died holding the claim: nothing more comes from it, the shared log is all there is.
            logger.LogWarning("Run {RunId}'s owner {Owner} did not answer within {Timeout}; attaching from the shared log", runId, owner, HoldTimeout);
            return null;
        }
        finally
        {
            _holds.TryRemove(requestId, out _);
        }
    }

    private static async Task<RunLock> LockAsync(IDatabase db, string runId, CancellationToken cancellationToken)
    {
        var key = RedisRunKeys.Lock(runId);
        var token = Guid.NewGuid().ToString("N");
        var deadline = DateTime.UtcNow + LockWait;
        while (!await db.StringSetAsync(key, token, LockTtl, When.NotExists))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"run {runId}'s attach lock in Redis ({key}) stayed taken for {LockWait.TotalSeconds:0} s");
            await Task.Delay(5, cancellationToken);
        }

        return new RunLock(db, key, token);
    }

    private sealed class RunLock(IDatabase db, RedisKey key, string token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await db.ScriptEvaluateAsync(DeleteIfMine, [key], [token]);
            }
            catch (RedisException)
            {
                // It lapses after LockTtl.
            }
        }
    }
}
