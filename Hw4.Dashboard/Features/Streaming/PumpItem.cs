using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>Work for the pump: an event to fan out, or a hub connection to attach to a run in order with the events.</summary>
internal abstract record PumpItem;

/// <summary>An event published by a producer.</summary>
internal sealed record PublishItem(RunEvent Event) : PumpItem;

/// <summary>A SignalR connection that wants a run's replay and then its live events.</summary>
internal sealed record AttachItem(string ConnectionId, string RunId, long? LastSeq, TaskCompletionSource Done) : PumpItem;
