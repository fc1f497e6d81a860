namespace Hw4.Ml.Recipes;

/// <summary>Where a training run's next attempt starts (see <see cref="ClassificationRecipe.Plan"/>).</summary>
/// <param name="ResumeFrom">The model file of the checkpoint it continues from, or null to start at epoch 1.</param>
/// <param name="ResumedEpoch">That checkpoint's epoch; 0 when checkpoints exist but none loads; null when there are none.</param>
/// <param name="Warnings">One line for each newer checkpoint that did not pass its checks (and why), oldest last.</param>
public sealed record ResumePlan(string? ResumeFrom, int? ResumedEpoch, IReadOnlyList<string> Warnings);
