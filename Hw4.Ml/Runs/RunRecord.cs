using Hw4.Ml.Lifecycle;
using Hw4.Ml.Training;

namespace Hw4.Ml.Runs;

/// <summary>
/// The content of <c>run.json</c>: the run's request, status and provenance. What happened during the run (epochs,
/// warnings, divergence) lives in metrics.jsonl, the test figures in evaluation.json and the user's tags in notes.json;
/// each fact has that one home, and <see cref="RunDirectoryReader"/> puts them together.
/// </summary>
public sealed record RunRecord
{
    /// <summary>The run id (also the folder name).</summary>
    public required string Id { get; init; }

    /// <summary><c>train</c> or <c>denoise</c> (<see cref="RunKinds"/>); says which of <see cref="Config"/> and <see cref="Denoise"/> is set.</summary>
    public string Kind { get; init; } = RunKinds.Train;

    /// <summary>Where the run stands; changed only through the <see cref="Run"/> aggregate.</summary>
    public RunStatus Status { get; init; } = RunStatus.Queued;

    /// <summary>
    /// The number of the run's latest grant (a start, a claim by a host, a resume): the fencing token its writer
    /// carries. Every write into the folder by an attempt checks, under the folder's lock, that this is still its number
    /// (<see cref="RunAttempt"/>), so an owner that lost its lease writes nothing more. 0 before the first start.
    /// </summary>
    public long Attempt { get; init; }

    /// <summary>
    /// A training run's full request, as asked for (enough to start or resume it after a restart); null for other kinds.
    /// Use <see cref="TrainingConfig"/> where a training run is expected.
    /// </summary>
    public TrainerOptions? Config { get; init; }

    /// <summary>A denoising run's request (kind <c>denoise</c>); null for other kinds.</summary>
    public DenoiseRunConfig? Denoise { get; init; }

    /// <summary>Package and runtime versions of the process that last ran it.</summary>
    public IReadOnlyDictionary<string, string> Versions { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The host that trained the run's latest attempt, or trains it now: the dashboard's or worker's name
    /// (<c>Hw4:HostName</c>, <c>worker --name</c>; by default the machine name). Written when an attempt starts and kept
    /// after it ends; null while never started. The run index and the runs list show this value; nothing else records it.
    /// </summary>
    public string? Host { get; init; }

    /// <summary>The device it trains on (cpu, cuda), once started.</summary>
    public string? Device { get; init; }

    /// <summary>Hash identifying the dataset content, once started.</summary>
    public string? DatasetHash { get; init; }

    /// <summary>Where the dataset came from (path or description), once started.</summary>
    public string? DatasetSource { get; init; }

    /// <summary>Training images used, once started.</summary>
    public int TrainImages { get; init; }

    /// <summary>Validation images, once started.</summary>
    public int ValidationImages { get; init; }

    /// <summary>Test images, once started.</summary>
    public int TestImages { get; init; }

    /// <summary>Trainable parameters of the model, once started.</summary>
    public long Parameters { get; init; }

    /// <summary>Why the run ended early (failed: the real cause; diverged: where), or null.</summary>
    public string? Message { get; init; }

    /// <summary>When the run was created (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>When it was last queued (creation, or its latest resume): queue order after a restart.</summary>
    public DateTimeOffset QueuedUtc { get; init; }

    /// <summary>When its latest attempt started; null while never started.</summary>
    public DateTimeOffset? StartedUtc { get; init; }

    /// <summary>When it last stopped being active; null while queued or running.</summary>
    public DateTimeOffset? FinishedUtc { get; init; }

    /// <summary>The process running it, while <see cref="Status"/> is running; null otherwise.</summary>
    public RunOwner? Owner { get; init; }

    /// <summary>The training request; throws <see cref="InvalidDataException"/> naming the run when it is not a training run.</summary>
    public TrainerOptions TrainingConfig() =>
        Kind == RunKinds.Train && Config is { } config
            ? config
            : throw new InvalidDataException($"Run '{Id}' is a {Kind} run, not a training run (run.json has no training config).");

    /// <summary>The denoising request; throws <see cref="InvalidDataException"/> naming the run when it is not a denoising run.</summary>
    public DenoiseRunConfig DenoiseConfig() =>
        Kind == RunKinds.Denoise && Denoise is { } config
            ? config
            : throw new InvalidDataException($"Run '{Id}' is a {Kind} run, not a denoising run (run.json has no denoise config).");

    /// <summary>
    /// The live process other than this one that is training the run, or null: what stop, resume and delete refuse
    /// to take from under another process (a CLI <c>train</c> beside the dashboard).
    /// </summary>
    public RunOwner? OwnerElsewhere() =>
        Status == RunStatus.Running && Owner is { } owner && owner.IsAlive() && !owner.IsCurrentProcess() ? owner : null;
}
