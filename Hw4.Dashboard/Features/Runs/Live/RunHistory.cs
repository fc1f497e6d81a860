using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Runs.Live;

/// <summary>A run folder's event history (metrics.jsonl through <see cref="RunDirectory"/>) for the live view's charts.</summary>
public static class RunHistory
{
    /// <summary>
    /// The events of run <paramref name="runId"/> under <paramref name="artifactsDir"/>, or null when it has no folder (or
    /// the id is not a run id) or its metrics cannot be read: the view then draws from the notifier's replay.
    /// </summary>
    public static IReadOnlyList<RunEvent>? Read(string artifactsDir, string runId, RunFileLimits? limits = null) => Read(artifactsDir, runId, null, limits);

    /// <summary>As <see cref="Read(string, string)"/>, through <paramref name="cache"/> when given (parsed once per file version).</summary>
    public static IReadOnlyList<RunEvent>? Read(string artifactsDir, string runId, RunMetricsCache? cache, RunFileLimits? limits = null) =>
        Open(artifactsDir, runId, dir => cache is null ? dir.ReadMetrics() : cache.Read(dir), limits);

    /// <summary>
    /// As <see cref="Read(string, string, RunMetricsCache?)"/> when <paramref name="cache"/> already holds the file as it
    /// is now (the run page's own read just put it there); null without parsing anything otherwise.
    /// </summary>
    public static IReadOnlyList<RunEvent>? ReadCached(string artifactsDir, string runId, RunMetricsCache cache, RunFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return Open(artifactsDir, runId, cache.TryGet, limits);
    }

    private static IReadOnlyList<RunEvent>? Open(string artifactsDir, string runId, Func<RunDirectory, IReadOnlyList<RunEvent>?> read, RunFileLimits? limits)
    {
        if (new RunRepository(artifactsDir, TimeProvider.System, limits).TryOpen(runId) is not { } dir)
            return null;
        try
        {
            return read(dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }
}
