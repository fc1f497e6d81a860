namespace Hw4.Ml.Runs;

/// <summary>
/// The run folders under one artifacts folder, and the only way to find one by id: <see cref="TryOpen"/> answers null
/// for anything that is not a valid run id naming a folder that holds run.json (so a caller never builds a path from
/// an id, nor opens a folder that is being created or deleted). Folders it opens stamp their moves with its clock and
/// read their files within its <see cref="Limits"/>.
/// </summary>
public sealed class RunRepository(string artifactsDir, TimeProvider time, RunFileLimits? limits = null)
{
    /// <summary>The artifacts folder, as an absolute path on this host.</summary>
    public string ArtifactsDir { get; } = Path.GetFullPath(artifactsDir);

    /// <summary>The clock of the runs' moves.</summary>
    public TimeProvider Time { get; } = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>The most bytes read from each file of a run it opens (default: <see cref="RunFileLimits.Default"/>).</summary>
    public RunFileLimits Limits { get; } = limits ?? RunFileLimits.Default;

    /// <summary>The run <paramref name="id"/>, or null when it is no run id or no run folder here.</summary>
    public RunDirectory? TryOpen(string? id)
    {
        if (!RunId.IsValid(id))
            return null;
        var path = Path.Combine(ArtifactsDir, id!);
        return File.Exists(Path.Combine(path, RunDirectory.RunFile)) ? RunDirectory.Open(path, Limits, Time) : null;
    }

    /// <summary>Creates the folder of <paramref name="record"/> whole (see <see cref="RunDirectory.Create"/>).</summary>
    public RunDirectory Create(RunRecord record, Action<RunDirectory>? fill = null) => RunDirectory.Create(ArtifactsDir, record, fill, Limits, Time);

    /// <summary>Every run folder, ordered by id.</summary>
    public IEnumerable<RunDirectory> All() => RunDirectory.Enumerate(ArtifactsDir).Select(path => RunDirectory.Open(path, Limits, Time));
}
