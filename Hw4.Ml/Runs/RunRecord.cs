using Hw4.Ml.Training;

namespace Hw4.Ml.Runs;

/// <summary>The content of <c>run.json</c>: everything about a run except its metrics and evaluation.</summary>
public sealed record RunRecord
{
    /// <summary>The run id (also the folder name).</summary>
    public required string Id { get; init; }

    /// <summary>Model kind, lower-case.</summary>
    public required string Model { get; init; }

    /// <summary>How far the run got.</summary>
    public TrainingStatus Status { get; init; }

    /// <summary>The recipe it ran with.</summary>
    public required TrainerOptions Config { get; init; }

    /// <summary>Package and runtime versions.</summary>
    public IReadOnlyDictionary<string, string> Versions { get; init; } = new Dictionary<string, string>();

    /// <summary>The device it trained on (cpu, cuda).</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>The run seed.</summary>
    public long Seed { get; init; }

    /// <summary>Hash identifying the dataset content.</summary>
    public string? DatasetHash { get; init; }

    /// <summary>Where the dataset came from (path or description).</summary>
    public string? DatasetSource { get; init; }

    /// <summary>Training images used.</summary>
    public int TrainImages { get; init; }

    /// <summary>Validation images.</summary>
    public int ValidationImages { get; init; }

    /// <summary>Test images.</summary>
    public int TestImages { get; init; }

    /// <summary>Trainable parameters of the model (0 until known).</summary>
    public long Parameters { get; init; }

    /// <summary>Epoch with the lowest validation loss, once known.</summary>
    public int? BestEpoch { get; init; }

    /// <summary>Why the run stopped early, if it did.</summary>
    public string? Message { get; init; }

    /// <summary>When the run was created (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>When it ended (UTC); null while running.</summary>
    public DateTimeOffset? FinishedUtc { get; init; }

    /// <summary>Free-form labels.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Free-form notes.</summary>
    public string? Notes { get; init; }
}
