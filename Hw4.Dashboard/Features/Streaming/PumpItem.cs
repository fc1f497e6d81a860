using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// Work for the pump: an event to fan out, one another host numbered, a hub connection to attach to a run in order
/// with the events, or a pause while another host attaches one.
/// </summary>
internal abstract record PumpItem;

/// <summary>An event published by a producer.</summary>
internal sealed record PublishItem(RunEvent Event) : PumpItem;

/// <summary>A SignalR connection that wants a run's replay and then its live events.</summary>
internal sealed record AttachItem(string ConnectionId, string RunId, long? LastSeq, TaskCompletionSource Done) : PumpItem;

/// <summary>An event numbered on another host, for this host's component subscribers.</summary>
internal sealed record RelayItem(RunEventEnvelope Envelope) : PumpItem;

/// <summary>Work the pump awaits before its next item (see <see cref="RunEventNotifier.Hold"/>).</summary>
internal sealed record HoldItem(string RunId, Func<CancellationToken, Task> Action) : PumpItem;
