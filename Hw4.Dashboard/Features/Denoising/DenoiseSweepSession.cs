using Hw4.Dashboard.Features.Charts;
using Hw4.Ml.Denoising;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// One tab's sweep: the points as they arrive from <see cref="TvSweep"/> (on the queue's thread), the best point per
/// norm once it ends, and how it ended. The page re-renders on <see cref="Changed"/>.
/// </summary>
public sealed class DenoiseSweepSession
{
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
                _heatmaps[norm] = map = SweepHeatmap.For(_points, norm);
            return map;
        }
    }

    /// <summary>A sweep of <paramref name="options"/> was queued as <paramref name="jobId"/>: earlier points go.</summary>
    public void OnQueued(string jobId, DenoiseSweepOptions options)
    {
        lock (_gate)
            (_points, _heatmaps) = ([], []);
        (JobId, Options, IsActive, Outcome) = (jobId, options, true, null);
        Changed?.Invoke();
    }

    internal void OnPoint(DenoiseSweepPoint point)
    {
        lock (_gate)
        {
            _points.Add(point);
            _heatmaps.Remove(point.Norm);
        }

        Changed?.Invoke();
    }

    internal void OnEnded(string outcome)
    {
        (IsActive, Outcome) = (false, outcome);
        Changed?.Invoke();
    }
}
