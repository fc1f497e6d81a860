using System.Globalization;

namespace Hw4.Ml.Lifecycle.Events;

/// <summary>Raised when a loss is NaN or infinite; the run stops there and then ends as diverged.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Epoch">1-based epoch of the bad batch (0 for denoising).</param>
/// <param name="Batch">1-based batch (or denoising step) of the bad loss.</param>
/// <param name="LastFiniteLoss">The last finite loss seen; null when none was.</param>
public sealed record Diverged(string RunId, int Epoch, int Batch, double? LastFiniteLoss) : RunEvent(RunId)
{
    /// <summary>"diverged at epoch e, batch b (last finite loss L)".</summary>
    public string Message => string.Create(CultureInfo.InvariantCulture,
        $"diverged at {(Epoch > 0 ? $"epoch {Epoch}, batch {Batch}" : $"step {Batch}")} ({(LastFiniteLoss is { } l ? $"last finite loss {l:G6}" : "no finite loss before it")})");
}
