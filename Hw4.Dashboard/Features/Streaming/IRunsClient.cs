using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>What the <c>/hubs/runs</c> hub calls on its clients.</summary>
public interface IRunsClient
{
    /// <summary>The replay (missed events, or a snapshot) sent once per subscribe, before any live event of that run.</summary>
    Task ReceiveReplay(RunReplay replay);

    /// <summary>
    /// A live event; sequence numbers of a run arrive in increasing order without gaps, across this and
    /// <see cref="ReceiveEvents"/>.
    /// </summary>
    Task ReceiveEvent(RunEventEnvelope envelope);

    /// <summary>
    /// Live training batches of one run, consecutive, oldest first: at most <c>Hw4:Streaming:BatchMessagesPerSecond</c>
    /// such messages a second per run, each with every batch since the one before.
    /// </summary>
    Task ReceiveEvents(IReadOnlyList<RunEventEnvelope> envelopes);
}
