using StackExchange.Redis;

namespace Hw4.Dashboard.Features.Streaming.Redis;

/// <summary>
/// The Redis names Hw4 uses besides SignalR's backplane (whose channels start <see cref="SignalRPrefix"/>): per run, its
/// shared event log (milestones, recent progress, last and dropped sequence numbers), its owner and its attach lock;
/// per host instance, the channels of the attach handshake.
/// </summary>
public static class RedisRunKeys
{
    /// <summary>The SignalR backplane's channel prefix.</summary>
    public const string SignalRPrefix = "hw4:signalr";

    /// <summary>The milestones of a run (every event but progress), oldest first.</summary>
    public static RedisKey Milestones(string runId) => $"hw4:run:{runId}:milestones";

    /// <summary>A run's recent progress events, oldest first, trimmed to the log capacity.</summary>
    public static RedisKey Recent(string runId) => $"hw4:run:{runId}:recent";

    /// <summary>A hash with <c>last</c> (the last sequence number) and <c>dropped</c> (the highest one no longer kept).</summary>
    public static RedisKey Meta(string runId) => $"hw4:run:{runId}:meta";

    /// <summary>The instance that numbers the run's events now (set with a time to live, renewed as it emits).</summary>
    public static RedisKey Owner(string runId) => $"hw4:run:{runId}:owner";

    /// <summary>Held while a connection attaches to the run or a host takes the run over.</summary>
    public static RedisKey Lock(string runId) => $"hw4:run:{runId}:lock";

    /// <summary>Where an instance publishes the events it numbers, for the other instances' components.</summary>
    public static RedisChannel Events(string instance) => RedisChannel.Literal($"hw4:events:{instance}");

    /// <summary>Every instance's <see cref="Events"/> channel.</summary>
    public static readonly RedisChannel AllEvents = RedisChannel.Pattern("hw4:events:*");

    /// <summary>
    /// Asks every instance to rewrite the shared logs of the runs it owns and send their viewers a snapshot: published by
    /// an instance whose subscriptions came back after Redis was unreachable, so no instance resyncs before the others
    /// listen again.
    /// </summary>
    public static readonly RedisChannel Resync = RedisChannel.Literal("hw4:resync");

    /// <summary>Asks an owner to hold its events while another instance attaches a connection.</summary>
    public static RedisChannel Hold(string instance) => RedisChannel.Literal($"hw4:hold:{instance}");

    /// <summary>An owner's answer to <see cref="Hold"/>: its events are held (the request's id).</summary>
    public static RedisChannel Held(string instance) => RedisChannel.Literal($"hw4:held:{instance}");

    /// <summary>Lets an owner go on after <see cref="Hold"/>.</summary>
    public static RedisChannel Release(string instance) => RedisChannel.Literal($"hw4:release:{instance}");
}
