namespace Hw4.Dashboard.Features.Streaming.Events;

/// <summary>The loss became non-finite or exploded at the given epoch and batch; the run was stopped.</summary>
public sealed record RunDiverged(string RunId, int Epoch, int Batch, string Reason) : RunEvent(RunId)
{
    /// <inheritdoc />
    public override bool IsTerminal => true;
}
