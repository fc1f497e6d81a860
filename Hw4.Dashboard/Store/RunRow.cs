namespace Hw4.Dashboard.Store;

/// <summary>
/// One indexed run: what the runs list and compare page need without opening the run folder. A projection of the
/// folder's <see cref="Hw4.Ml.Runs.RunSummary"/> (<see cref="RunRows.From"/>), rebuilt from it whenever it changes.
/// </summary>
public sealed class RunRow
{
    /// <summary>The run id (its folder name).</summary>
    public required string Id { get; set; }

    /// <summary>The run's readable name (<see cref="RunName"/>): the user's, or one made from its settings.</summary>
    public string? Name { get; set; }

    /// <summary><c>train</c> or <c>denoise</c>.</summary>
    public string Kind { get; set; } = "train";

    /// <summary>The model (e.g. <c>cnn</c>, <c>residual</c>), when known.</summary>
    public string? Model { get; set; }

    /// <summary>The run status word (queued, running, completed, stopped, failed, diverged, interrupted) or <c>unreadable</c>.</summary>
    public string Status { get; set; } = Hw4.Ml.Runs.RunSummary.Unreadable;

    /// <summary>Why the folder is unreadable (a damaged run.json or notes.json), or null.</summary>
    public string? Problem { get; set; }

    /// <summary>When the run was created (from run.json, else the folder's time).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Epochs asked for.</summary>
    public int? EpochsPlanned { get; set; }

    /// <summary>Epochs completed (metrics found).</summary>
    public int EpochsDone { get; set; }

    /// <summary>A denoising run's planned steps; null for other kinds.</summary>
    public int? StepsPlanned { get; set; }

    /// <summary>A denoising run's steps done (its latest report, or all of them once it ended); null for other kinds.</summary>
    public int? StepsDone { get; set; }

    /// <summary>Epoch with the lowest validation loss.</summary>
    public int? BestEpoch { get; set; }

    /// <summary>The lowest validation loss.</summary>
    public double? BestValLoss { get; set; }

    /// <summary>Test accuracy from evaluation.json.</summary>
    public double? TestAccuracy { get; set; }

    /// <summary>A denoising run's norm (<c>l1</c>, <c>l2</c>); null for other kinds.</summary>
    public string? Norm { get; set; }

    /// <summary>A denoising run's optimizer (<c>gd</c>, <c>adam</c>, <c>primal_dual</c>); null for other kinds.</summary>
    public string? Optimizer { get; set; }

    /// <summary>A denoising run's smoothness weight α; null for other kinds.</summary>
    public double? Alpha { get; set; }

    /// <summary>The learning rate asked for (τ for a primal-dual denoising run).</summary>
    public double? LearningRate { get; set; }

    /// <summary>A denoising run's PSNR in dB (at its end, else its latest report); null without a clean reference.</summary>
    public double? Psnr { get; set; }

    /// <summary>
    /// The host that trained the run's latest attempt or trains it now (run.json's <c>host</c>, which owns the fact), or
    /// null while never started. The run's folder is not stored: it is <c>&lt;Hw4:ArtifactsDir&gt;/&lt;Id&gt;</c> on every
    /// host (<see cref="Configuration.RunStorePaths.RunFolder"/>), wherever each host mounts the shared folder.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>run.json as written by the trainer (the hyper-parameters), for display.</summary>
    public string? ConfigJson { get; set; }

    /// <summary>Why the run stopped early (run.json's <c>message</c>), e.g. "diverged at epoch 3, batch 120 (…)".</summary>
    public string? Message { get; set; }

    /// <summary>The user's tags (from notes.json), lower-case.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>The user's notes (from notes.json), or null.</summary>
    public string? Notes { get; set; }

    /// <summary>When this row was last rebuilt from the folder.</summary>
    public DateTimeOffset IndexedAt { get; set; }

    /// <summary>The per-epoch metrics.</summary>
    public List<EpochRecord> Epochs { get; set; } = [];
}
