using Hw4.Dashboard.Features.Forms;
using Hw4.Dashboard.Features.Training;

namespace Hw4.Dashboard.Components.Pages.Train;

/// <summary>The Train form's numeric fields as typed, each parsed under its <see cref="TrainSettings"/> range.</summary>
public sealed class TrainInputs
{
    /// <summary>Fields holding <paramref name="settings"/>' values.</summary>
    public TrainInputs(TrainSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Epochs = new NumberInput(NumberRule.For<TrainSettings>(nameof(TrainSettings.Epochs), "Epochs"), settings.Epochs);
        BatchSize = new NumberInput(NumberRule.For<TrainSettings>(nameof(TrainSettings.BatchSize), "Batch size"), settings.BatchSize);
        LearningRate = new NumberInput(NumberRule.For<TrainSettings>(nameof(TrainSettings.LearningRate), "Learning rate"), settings.LearningRate);
        Seed = new NumberInput(NumberRule.For<TrainSettings>(nameof(TrainSettings.Seed), "Seed"), settings.Seed);
        Limit = new NumberInput(NumberRule.For<TrainSettings>(nameof(TrainSettings.Limit), "Limit", emptyMeaning: "all images"), settings.Limit);
        ValidationSize = new NumberInput(
            NumberRule.For<TrainSettings>(nameof(TrainSettings.ValidationSize), "Validation size", emptyMeaning: $"the recipe's {new Hw4.Ml.Training.TrainerOptions().ValidationSize}"),
            settings.ValidationSize);
        SeedCount = new NumberInput(SeedCountRule, 1);
    }

    /// <summary>The most runs one submit queues (seeds seed, seed + 1, …).</summary>
    public const int MaxSeedCount = 10;

    private static readonly NumberRule SeedCountRule = new("Seeds", 1, MaxSeedCount, Integer: true, RangeMessage: $"Seeds must be between 1 and {MaxSeedCount}.");

    /// <summary>Epochs.</summary>
    public NumberInput Epochs { get; }

    /// <summary>Batch size.</summary>
    public NumberInput BatchSize { get; }

    /// <summary>Adam learning rate.</summary>
    public NumberInput LearningRate { get; }

    /// <summary>Seed.</summary>
    public NumberInput Seed { get; }

    /// <summary>Training images to use; empty for all.</summary>
    public NumberInput Limit { get; }

    /// <summary>Training images held out for validation; empty for the recipe's default.</summary>
    public NumberInput ValidationSize { get; }

    /// <summary>How many runs to queue, one per seed from <see cref="Seed"/> up: a seed group in one submit.</summary>
    public NumberInput SeedCount { get; }

    /// <summary>Every field is accepted.</summary>
    public bool IsValid => Epochs.IsValid && BatchSize.IsValid && LearningRate.IsValid && Seed.IsValid && Limit.IsValid && ValidationSize.IsValid && SeedCount.IsValid;

    /// <summary>Writes the accepted values into <paramref name="settings"/>; false (and nothing written) while any field is refused.</summary>
    public bool TryApply(TrainSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!IsValid)
            return false;
        settings.Epochs = Epochs.IntValue!.Value;
        settings.BatchSize = BatchSize.IntValue!.Value;
        settings.LearningRate = LearningRate.Value!.Value;
        settings.Seed = Seed.IntValue!.Value;
        settings.Limit = Limit.IntValue;
        settings.ValidationSize = ValidationSize.IntValue;
        return true;
    }
}
