namespace Hw4.Dashboard.Features.Queue.Store;

/// <summary>A claimed run whose host stopped heartbeating: its row is removed and its attempt is settled in the folder.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Host">The host that held it.</param>
/// <param name="Attempt">The attempt the row granted that host.</param>
/// <param name="SilentFor">How long the host was silent while the sweeper could reach the store.</param>
public sealed record ExpiredJob(string RunId, string Host, long Attempt, TimeSpan SilentFor);
