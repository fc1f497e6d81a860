using System.Collections.Concurrent;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// Which open tab (<see cref="DenoiseSession"/>) queued which denoising run, until this host makes the run's job: the
/// job then reports its previews and result to that tab. A run that another host takes from the store's queue finds
/// no tab here; its page follows it through its events. Tabs are held weakly: a closed one is not kept alive.
/// </summary>
public sealed class DenoiseSessions
{
    private readonly ConcurrentDictionary<string, WeakReference<DenoiseSession>> _byRun = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="session"/> queued <paramref name="runId"/>.</summary>
    public void Attach(string runId, DenoiseSession session)
    {
        foreach (var (id, tab) in _byRun)
        {
            if (!tab.TryGetTarget(out _))
                _byRun.TryRemove(id, out _);
        }

        _byRun[runId] = new WeakReference<DenoiseSession>(session);
    }

    /// <summary>The tab that queued <paramref name="runId"/>, if still open, and forgets it.</summary>
    public DenoiseSession? Take(string runId) =>
        _byRun.TryRemove(runId, out var tab) && tab.TryGetTarget(out var session) ? session : null;
}
