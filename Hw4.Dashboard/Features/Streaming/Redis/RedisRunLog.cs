using MessagePack;
using StackExchange.Redis;

namespace Hw4.Dashboard.Features.Streaming.Redis;

/// <summary>
/// The replay log every instance can read: each run's events as MessagePack (<see cref="RunEventMessagePack"/>), kept
/// like <see cref="RunEventLog"/> keeps them (every milestone, the most recent progress up to the capacity), for a week
/// after the run's last event.
/// </summary>
public sealed class RedisRunLog(int capacityPerRun)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    /// <summary>Queues the writes of one numbered event on <paramref name="batch"/> (fire and forget, in order).</summary>
    public void Append(IBatch batch, RunEventEnvelope envelope, long droppedUpTo, byte[] payload)
    {
        var runId = envelope.RunId;
        var list = RunEventLog.IsMilestone(envelope.Event) ? RedisRunKeys.Milestones(runId) : RedisRunKeys.Recent(runId);
        const CommandFlags later = CommandFlags.FireAndForget;
        _ = batch.ListRightPushAsync(list, payload, flags: later);
        _ = batch.ListTrimAsync(list, -capacityPerRun, -1, later);
        _ = batch.HashSetAsync(RedisRunKeys.Meta(runId), [new("last", envelope.Seq), new("dropped", droppedUpTo)], later);
        foreach (var key in new[] { RedisRunKeys.Milestones(runId), RedisRunKeys.Recent(runId), RedisRunKeys.Meta(runId) })
            _ = batch.KeyExpireAsync(key, KeptFor, flags: later);
    }

    /// <summary>
    /// Replaces <paramref name="runId"/>'s shared log with <paramref name="snapshot"/> (what this host keeps of it) and
    /// its last and dropped sequence numbers, in one transaction.
    /// </summary>
    public async Task ReplaceAsync(IDatabase db, string runId, RunReplay snapshot, long droppedUpTo)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(snapshot);
        var transaction = db.CreateTransaction();
        _ = transaction.KeyDeleteAsync([RedisRunKeys.Milestones(runId), RedisRunKeys.Recent(runId), RedisRunKeys.Meta(runId)]);
        foreach (var envelope in snapshot.Events)
        {
            var list = RunEventLog.IsMilestone(envelope.Event) ? RedisRunKeys.Milestones(runId) : RedisRunKeys.Recent(runId);
            _ = transaction.ListRightPushAsync(list, Write(envelope));
        }

        _ = transaction.ListTrimAsync(RedisRunKeys.Recent(runId), -capacityPerRun, -1);
        _ = transaction.HashSetAsync(RedisRunKeys.Meta(runId), [new("last", snapshot.LastSeq), new("dropped", droppedUpTo)]);
        foreach (var key in new[] { RedisRunKeys.Milestones(runId), RedisRunKeys.Recent(runId), RedisRunKeys.Meta(runId) })
            _ = transaction.KeyExpireAsync(key, KeptFor);
        await transaction.ExecuteAsync();
    }

    /// <summary>The last sequence number the shared log has for <paramref name="runId"/>, 0 when none.</summary>
    public static async Task<long> LastSeqAsync(IDatabaseAsync db, string runId) =>
        (long?)await db.HashGetAsync(RedisRunKeys.Meta(runId), "last") ?? 0;

    /// <summary>Reads a run's shared log into <paramref name="log"/>, replacing what it held; false when Redis has none.</summary>
    public async Task<bool> LoadAsync(IDatabaseAsync db, string runId, RunEventLog log)
    {
        var meta = db.HashGetAllAsync(RedisRunKeys.Meta(runId));
        var milestones = db.ListRangeAsync(RedisRunKeys.Milestones(runId));
        var recent = db.ListRangeAsync(RedisRunKeys.Recent(runId));
        var fields = (await meta).ToDictionary(x => x.Name.ToString(), x => x.Value);
        if (!fields.TryGetValue("last", out var last))
            return false;
        var events = (await milestones).Concat(await recent).Select(Read);
        log.Replace(runId, (long)last, fields.TryGetValue("dropped", out var dropped) ? (long)dropped : 0, events);
        return true;
    }

    /// <summary>The MessagePack bytes of an event as the log and the relay channel carry it.</summary>
    public static byte[] Write(RunEventEnvelope envelope) => MessagePackSerializer.Serialize(envelope, RunEventMessagePack.Options);

    /// <summary>An event read back from <see cref="Write"/>'s bytes.</summary>
    public static RunEventEnvelope Read(RedisValue payload) =>
        MessagePackSerializer.Deserialize<RunEventEnvelope>((ReadOnlyMemory<byte>)payload, RunEventMessagePack.Options);
}
