using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Runs.Live;

/// <summary>
/// The parsed events of the last few metrics.jsonl files read, so that one page view parses a run's file once: its
/// prerender, its interactive render and the live view's charts all ask for the same 10,000-line file of a finished
/// run (and each reload asks again). An entry is used only while the file's length and last write time are the ones it
/// was parsed at; a file that grew or was rewritten is read again. Thread-safe.
/// </summary>
public sealed class RunMetricsCache
{
    /// <summary>How many files are kept (least recently used goes first); each holds its events, about 1 MB per 10,000.</summary>
    public const int Capacity = 8;

    private readonly Lock _gate = new();
    private readonly LinkedList<Entry> _entries = new();

    /// <summary>
    /// The events of <paramref name="dir"/>'s metrics.jsonl, as <see cref="RunDirectory.ReadMetrics"/> reads them
    /// (IO errors propagate the same way); from the cache while the file is unchanged.
    /// </summary>
    public IReadOnlyList<RunEvent> Read(RunDirectory dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var path = dir.MetricsPath;
        var stamp = Stamp(path);
        if (Cached(path, stamp) is { } cached)
            return cached;

        var events = dir.ReadMetrics();
        // Stamped before reading: a line appended while it was read makes the next call read it again.
        if (stamp is null || Stamp(path) != stamp)
            return events;
        var readOnly = events.ToList().AsReadOnly();
        lock (_gate)
        {
            // Another reader may have added the same file meanwhile.
            if (Find(path) is { } added)
                _entries.Remove(added);

            _entries.AddFirst(new Entry(path, stamp.Value, readOnly));
            while (_entries.Count > Capacity)
                _entries.RemoveLast();
        }

        return readOnly;
    }

    /// <summary>
    /// The events of <paramref name="dir"/>'s metrics.jsonl when the cache holds the file as it is now; null otherwise
    /// (never reads the file: for a render that must not wait on a parse).
    /// </summary>
    public IReadOnlyList<RunEvent>? TryGet(RunDirectory dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        return Cached(dir.MetricsPath, Stamp(dir.MetricsPath));
    }

    // The entry for the file as stamped now, made the most recently used; an entry of an older version is dropped.
    private IReadOnlyList<RunEvent>? Cached(string path, (long Length, DateTime WrittenUtc)? stamp)
    {
        lock (_gate)
        {
            if (Find(path) is not { } node)
                return null;
            _entries.Remove(node);
            if (node.Value.Stamp != stamp)
                return null;
            _entries.AddFirst(node);
            return node.Value.Events;
        }
    }

    // Under _gate.
    private LinkedListNode<Entry>? Find(string path)
    {
        for (var node = _entries.First; node is not null; node = node.Next)
        {
            if (node.Value.Path == path)
                return node;
        }

        return null;
    }

    private static (long Length, DateTime WrittenUtc)? Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
    }

    private sealed record Entry(string Path, (long Length, DateTime WrittenUtc) Stamp, IReadOnlyList<RunEvent> Events);
}
