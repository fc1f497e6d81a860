namespace Hw4.Dashboard.Features.Queue.Store;

/// <summary>A claimed run whose host stopped heartbeating: its row is removed and the run is to be marked interrupted.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Host">The host that held it.</param>
/// <param name="LastHeartbeat">Its last heartbeat.</param>
public sealed record ExpiredJob(string RunId, string Host, DateTimeOffset LastHeartbeat);
