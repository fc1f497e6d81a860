using System.Globalization;

namespace Hw4.Ml.Runs;

/// <summary>
/// The one wording of an interrupted run, right in every phase: "interrupted: its process ended during epoch 4 (epochs
/// 1–3 are kept); resume it to continue", "… during epoch 2 (epoch 1 is kept) …", "… during the test evaluation (epochs
/// 1–3 are kept) …", and for a denoising run "… after step k/n (the curves up to there are kept; no image)".
/// </summary>
public static class RunInterruption
{
    /// <summary>The cause when the run's own process is gone.</summary>
    public const string ProcessEnded = "its process ended";

    /// <summary>Why <paramref name="record"/>'s run, whose events fold to <paramref name="projection"/>, is interrupted by <paramref name="cause"/>.</summary>
    public static string Message(RunRecord record, RunProjection projection, string cause)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(projection);
        if (record.Kind == RunKinds.Denoise)
        {
            return projection.LastDenoiseStep is { } last
                ? string.Create(CultureInfo.InvariantCulture, $"interrupted: {cause} after step {last.Step}/{last.TotalSteps} (the curves up to there are kept; no image)")
                : $"interrupted: {cause} before the first report";
        }

        var done = projection.Epochs.Count == 0 ? 0 : projection.Epochs[^1].Epoch;
        var kept = done switch
        {
            0 => "no epoch was completed",
            1 => "epoch 1 is kept",
            _ => string.Create(CultureInfo.InvariantCulture, $"epochs 1–{done} are kept"),
        };
        // Every planned epoch done, or the loop stopped on a divergence: what was running is the test evaluation.
        var planned = record.Config?.Epochs ?? int.MaxValue;
        var phase = done >= planned || projection.Divergence is not null
            ? "the test evaluation"
            : string.Create(CultureInfo.InvariantCulture, $"epoch {done + 1}");
        return $"interrupted: {cause} during {phase} ({kept}); resume it to continue";
    }
}
