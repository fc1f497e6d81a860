using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// What a (re)subscriber receives before live events. <see cref="IsSnapshot"/> false: exactly the events after the
/// client's last sequence number. True: the client had none or is too far behind, so it gets every milestone plus the
/// recent events kept, and must reset its view first.
/// </summary>
public sealed record RunReplay(string RunId, bool IsSnapshot, long LastSeq, IReadOnlyList<RunEventEnvelope> Events);
