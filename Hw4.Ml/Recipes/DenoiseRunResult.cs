using Hw4.Ml.Denoising;
using Hw4.Ml.Lifecycle;

namespace Hw4.Ml.Recipes;

/// <summary>How a denoising run in a run folder ended.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Status">Completed, stopped, diverged or failed (as run.json now says).</param>
/// <param name="Message">Why it ended early; null when completed.</param>
/// <param name="Result">The denoiser's result when it ran to its end (completed or diverged); null when stopped or failed.</param>
public sealed record DenoiseRunResult(string RunId, RunStatus Status, string? Message, DenoiseResult? Result);
