using Hw4.Ml.Models;

namespace Hw4.Ml.Runs;

/// <summary>
/// What training runs of one seed group share: the model, every setting of the recipe but the seed, and the dataset
/// (by content hash). Runs with equal keys differ only in their seed (and in threads, device or progress interval, which
/// change how fast a run goes, not what it computes), so their spread is the seed's doing.
/// </summary>
/// <param name="Model">The network.</param>
/// <param name="Epochs">Epochs.</param>
/// <param name="BatchSize">Training batch size.</param>
/// <param name="LearningRate">Adam learning rate.</param>
/// <param name="Augment">Whether training batches were augmented.</param>
/// <param name="Limit">The training-image limit, or null for all.</param>
/// <param name="ValidationSize">Validation images.</param>
/// <param name="DatasetHash">The dataset's content hash (null while a run never started).</param>
public sealed record SeedGroupKey(
    ModelKind Model, int Epochs, int BatchSize, double LearningRate, bool Augment, int? Limit, int ValidationSize, string? DatasetHash)
{
    /// <summary>The key of a training run; null for any other kind.</summary>
    public static SeedGroupKey? Of(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Kind != RunKinds.Train || record.Config is not { } c)
            return null;
        return new SeedGroupKey(c.Model, c.Epochs, c.BatchSize, c.LearningRate, c.Augment, c.Limit, c.ValidationSize, record.DatasetHash);
    }
}
