namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// Where this host's run events meet other hosts' (<see cref="Redis.RedisRunEventExchange"/> when <c>Hw4:Redis</c> is
/// set; <see cref="LocalRunEventExchange"/>, which does nothing, on a single machine). The pump calls it around every
/// event it numbers; the hub asks it first when a connection subscribes.
/// </summary>
public interface IRunEventExchange
{
    /// <summary>
    /// Before the pump numbers an event of <paramref name="runId"/> emitted on this host: make this host the run's
    /// owner, and continue its numbering where another host left it in <paramref name="log"/>.
    /// </summary>
    ValueTask ClaimAsync(string runId, RunEventLog log, CancellationToken cancellationToken);

    /// <summary>After the pump numbered <paramref name="envelope"/>: share it (never blocks on the network).</summary>
    void Published(RunEventEnvelope envelope, RunEventLog log);

    /// <summary>
    /// Attaches a hub connection to a run: sends its replay, then adds it to the run's group, so that no event falls
    /// between the two, whichever host numbers the run's events. <paramref name="attachHere"/> is the pump's own path,
    /// for a run this host owns.
    /// </summary>
    Task AttachAsync(string connectionId, string runId, long? lastSeq, Func<Task> attachHere, CancellationToken cancellationToken);
}

/// <summary>One host alone: every event is numbered here, so the pump attaches every connection itself.</summary>
public sealed class LocalRunEventExchange : IRunEventExchange
{
    /// <inheritdoc />
    public ValueTask ClaimAsync(string runId, RunEventLog log, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public void Published(RunEventEnvelope envelope, RunEventLog log)
    {
    }

    /// <inheritdoc />
    public Task AttachAsync(string connectionId, string runId, long? lastSeq, Func<Task> attachHere, CancellationToken cancellationToken) =>
        attachHere();
}
