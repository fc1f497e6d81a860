namespace Hw4.Dashboard.Features.Charts;

/// <summary>One batch of the per-batch loss chart, with what each x axis needs.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Batch">1-based batch within the epoch.</param>
/// <param name="BatchesPerEpoch">Batches in the epoch.</param>
/// <param name="Step">Optimizer steps since the run began.</param>
/// <param name="Loss">The batch's own loss.</param>
/// <param name="Seconds">Training seconds since the run began (earlier epochs' training time plus this epoch's so far); null when the event carried no time.</param>
public readonly record struct BatchLossPoint(int Epoch, int Batch, int BatchesPerEpoch, long Step, double Loss, double? Seconds)
{
    /// <summary>The x of this point on <paramref name="axis"/> (NaN on the time axis when the time is unknown, which Plotly leaves as a gap).</summary>
    public double X(ChartXAxis axis) => axis switch
    {
        ChartXAxis.Step => Step,
        ChartXAxis.Epoch => Epoch - 1 + (BatchesPerEpoch > 0 ? (double)Batch / BatchesPerEpoch : 1),
        ChartXAxis.Time => Seconds ?? double.NaN,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, null),
    };
}
