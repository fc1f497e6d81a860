namespace Hw4.Dashboard.Features.Charts;

/// <summary>What the x axis of the per-batch loss chart counts.</summary>
public enum ChartXAxis
{
    /// <summary>Optimizer steps since the run began.</summary>
    Step,

    /// <summary>Epochs, fractional within an epoch: batch b of B in epoch e sits at e − 1 + b / B, so epoch e ends at e.</summary>
    Epoch,

    /// <summary>Wall-clock seconds of training (validation excluded), summed over the epochs before.</summary>
    Time,
}
