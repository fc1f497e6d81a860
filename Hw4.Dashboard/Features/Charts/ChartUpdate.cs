namespace Hw4.Dashboard.Features.Charts;

/// <summary>
/// What a chart must do to show new data: append points to traces (keeps the user's zoom, sends little) or, when a
/// trace grew too long or was recomputed, redraw every trace from downsampled data.
/// </summary>
public sealed record ChartUpdate(bool Redraw, IReadOnlyList<int> Traces, IReadOnlyList<double[]> X, IReadOnlyList<double[]> Y)
{
    /// <summary>Nothing to do.</summary>
    public static ChartUpdate None { get; } = new(false, [], [], []);

    /// <summary>True when there is nothing to send.</summary>
    public bool IsEmpty => !Redraw && Traces.Count == 0;
}
