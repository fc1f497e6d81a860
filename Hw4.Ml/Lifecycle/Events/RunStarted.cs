namespace Hw4.Ml.Lifecycle.Events;

/// <summary>The run began on <paramref name="Device"/>; the totals let clients draw progress and an ETA.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Kind"><c>train</c> or <c>denoise</c>.</param>
/// <param name="Device">Where its tensors live (cpu, cuda).</param>
/// <param name="TotalEpochs">Epochs planned (0 for denoising).</param>
/// <param name="BatchesPerEpoch">Training batches per epoch (0 for denoising).</param>
/// <param name="ResumedFromEpoch">
/// The checkpoint epoch a resumed run continues from (epochs after it that an earlier attempt logged are void); null
/// for a fresh start.
/// </param>
public sealed record RunStarted(string RunId, string Kind, string Device, int TotalEpochs, int BatchesPerEpoch, int? ResumedFromEpoch = null)
    : RunEvent(RunId);
