namespace Hw4.Dashboard.Features.Queue;

/// <summary>Thrown by a job whose loss went non-finite; the worker reports it as <c>RunDiverged</c>.</summary>
public sealed class RunDivergedException(int epoch, int batch, string reason, double? lastFiniteLoss = null) : Exception(reason)
{
    /// <summary>The last finite loss before it, when known.</summary>
    public double? LastFiniteLoss { get; } = lastFiniteLoss;

    /// <summary>The epoch it happened in.</summary>
    public int Epoch { get; } = epoch;

    /// <summary>The batch it happened at.</summary>
    public int Batch { get; } = batch;
}
