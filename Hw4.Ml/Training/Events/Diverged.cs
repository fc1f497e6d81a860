namespace Hw4.Ml.Training.Events;

/// <summary>Raised when a batch loss is NaN or infinite; the run stops there.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Epoch">1-based epoch of the bad batch.</param>
/// <param name="Batch">1-based batch of the bad loss.</param>
/// <param name="LastFiniteLoss">The last finite batch loss seen (NaN when none was).</param>
public sealed record Diverged(string RunId, int Epoch, int Batch, double LastFiniteLoss) : TrainingEvent(RunId)
{
    /// <summary>"diverged at epoch e, batch b" with the last finite loss.</summary>
    public string Message => $"diverged at epoch {Epoch}, batch {Batch} (last finite loss {LastFiniteLoss:G6})";
}
