using Hw4.Dashboard.Features.Charts;
using Hw4.Ml.Denoising;
using Hw4.Dashboard.Features.Models;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// One tab's sweep: the points as they arrive from <see cref="TvSweep"/> (on the queue's thread), the best point per
/// norm once it ends, and how it ended; while it runs, how many of how many points are done and about how long the rest
/// takes (from the time per point so far). The page re-renders on <see cref="Changed"/>.
/// </summary>
public sealed class DenoiseSweepSession(TimeProvider time)
{
    private long? _startedAt;
    private readonly Lock _gate = new();
    private List<DenoiseSweepPoint> _points = [];
    private Dictionary<DenoiseNorm, HeatmapData?> _heatmaps = [];

    /// <summary>Raised on any thread when something visible changed.</summary>
    public event Action? Changed;

    /// <summary>The sweep's queue id while it waits or runs, else the last one.</summary>
    public string? JobId { get; private set; }

    /// <summary>True from queued until it ends.</summary>
    public bool IsActive { get; private set; }

    /// <summary>The grid asked for.</summary>
    public DenoiseSweepOptions? Options { get; private set; }

    /// <summary>Points so far, in grid order (a snapshot).</summary>
    public IReadOnlyList<DenoiseSweepPoint> Points
    {
        get
        {
            lock (_gate)
                return [.. _points];
        }
    }

    /// <summary>The completed point with the highest finite PSNR of each norm, from the points so far.</summary>
    public IReadOnlyDictionary<DenoiseNorm, DenoiseSweepPoint> Best => DenoiseSweepResult.PickBest(Points);

    /// <summary>How it ended ("12 points in 3.4 s", "stopped", the failure), or null while it runs.</summary>
    public string? Outcome { get; private set; }

    /// <summary>The PSNR heatmap of <paramref name="norm"/> (rows α, columns lr; diverged cells marked), or null before its first point.</summary>
    public HeatmapData? Heatmap(DenoiseNorm norm)
    {
        // Built once per new point: a new instance redraws the chart.
        lock (_gate)
        {
            if (!_heatmaps.TryGetValue(norm, out var map))
                _heatmaps[norm] = map = SweepHeatmap.For(_points, norm, Options);
            return map;
        }
    }

    /// <summary>A sweep of <paramref name="options"/> was queued as <paramref name="jobId"/>: earlier points go.</summary>
    public void OnQueued(string jobId, DenoiseSweepOptions options)
    {
        lock (_gate)
            (_points, _heatmaps, _startedAt) = ([], [], null);
        (JobId, Options, IsActive, Outcome) = (jobId, options, true, null);
        Changed?.Invoke();
    }

    /// <summary>The points the whole grid has: every norm's α × lr.</summary>
    public int Total => Options is { } o ? o.Norms.Sum(n => o.AlphasFor(n).Count * o.LrsFor(n).Count) : 0;

    /// <summary>Its job started on the device (the clock for the time left starts here, not in the queue).</summary>
    public void OnStarted()
    {
        lock (_gate)
            _startedAt = time.GetTimestamp();
        Changed?.Invoke();
    }

    /// <summary>
    /// What the sweep is doing, in words: queued with its size, "5 of 18 points, about 1 min left", or how it ended.
    /// </summary>
    public string? StatusText
    {
        get
        {
            if (!IsActive)
                return Outcome;
            var total = Total;
            long? started;
            int done;
            lock (_gate)
                (started, done) = (_startedAt, _points.Count);
            if (started is not { } t0)
                return $"Queued: {total} points ({SizeText}).";
            if (done == 0)
                return $"0 of {total} points; the time left shows after the first.";
            var perPoint = time.GetElapsedTime(t0).TotalSeconds / done;
            return $"{done} of {total} points, {TimeLeftText(perPoint * (total - done))} left.";
        }
    }

    private string SizeText => Options is { } o
        ? string.Join(" + ", o.Norms.Select(n => $"{OptimizerDisplayName.Of(n)}: {o.AlphasFor(n).Count} α × {o.LrsFor(n).Count} lr"))
        : "";

    private static string TimeLeftText(double seconds) => seconds < 60
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"about {Math.Max(1, Math.Round(seconds)):0} s")
        : DurationText.Of(seconds);

    /// <summary>A point of the grid is done (from the sweep's thread).</summary>
    public void OnPoint(DenoiseSweepPoint point)
    {
        lock (_gate)
        {
            _points.Add(point);
            _heatmaps.Remove(point.Norm);
        }

        Changed?.Invoke();
    }

    /// <summary>The sweep ended: <paramref name="outcome"/> says how ("12 points in 3.4 s", "stopped; …").</summary>
    public void OnEnded(string outcome)
    {
        (IsActive, Outcome) = (false, outcome);
        Changed?.Invoke();
    }
}
