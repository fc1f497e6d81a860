namespace Hw4.Dashboard.Features.Runs.Detail;

/// <summary>Where a run diverged: the epoch and batch of the first non-finite loss and the last finite loss before it.</summary>
/// <param name="Epoch">1-based epoch (0 when unknown).</param>
/// <param name="Batch">1-based batch (0 when unknown).</param>
/// <param name="LastFiniteLoss">The last finite batch loss, or null when none was seen or it is unknown.</param>
public sealed record DivergenceInfo(int Epoch, int Batch, double? LastFiniteLoss)
{
    /// <summary>The alert text, e.g. "Diverged at epoch 3, batch 120; last finite loss 2.3026."</summary>
    public string Text
    {
        get
        {
            var where = Epoch > 0 ? $"at epoch {Epoch}, batch {Batch}" : Batch > 0 ? $"at step {Batch}" : "";
            var loss = LastFiniteLoss is { } l ? $"last finite loss {l.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}" : "no finite loss before it";
            return $"Diverged {where}; {loss}.".Replace("Diverged ;", "Diverged;", StringComparison.Ordinal);
        }
    }

    /// <summary>From the run's <see cref="Hw4.Ml.Lifecycle.Events.Diverged"/> event.</summary>
    public static DivergenceInfo From(Hw4.Ml.Lifecycle.Events.Diverged diverged)
    {
        ArgumentNullException.ThrowIfNull(diverged);
        return new DivergenceInfo(diverged.Epoch, diverged.Batch, diverged.LastFiniteLoss);
    }
}
