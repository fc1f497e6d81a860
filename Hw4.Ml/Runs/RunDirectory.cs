using System.Text;
using System.Text.Json;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Training.Events;

namespace Hw4.Ml.Runs;

/// <summary>
/// One run's folder, <c>runs/&lt;run-id&gt;/</c>: <c>run.json</c>, append-only <c>metrics.jsonl</c> (one event per line),
/// <c>checkpoints/</c>, <c>evaluation.json</c> and <c>examples/*.png</c>. JSON files are replaced atomically.
/// </summary>
public sealed class RunDirectory
{
    /// <summary>run.json.</summary>
    public const string RunFile = "run.json";

    /// <summary>metrics.jsonl.</summary>
    public const string MetricsFile = "metrics.jsonl";

    /// <summary>evaluation.json.</summary>
    public const string EvaluationFile = "evaluation.json";

    /// <summary>notes.json: the user's tags and notes (see <see cref="RunNotes"/>).</summary>
    public const string NotesFile = "notes.json";

    private readonly Lock _appendLock = new();

    /// <summary>
    /// The run folders (those holding run.json) under <paramref name="runsDir"/>, ordered by id; none when it does not
    /// exist. Folders whose name starts with '.' are skipped: no run id does, and a run being deleted is first renamed so.
    /// </summary>
    public static IEnumerable<string> Enumerate(string runsDir) =>
        Directory.Exists(runsDir)
            ? Directory.EnumerateDirectories(runsDir)
                .Where(d => !System.IO.Path.GetFileName(d).StartsWith('.') && File.Exists(System.IO.Path.Combine(d, RunFile)))
                .Order(StringComparer.Ordinal)
            : [];

    private RunDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Id = System.IO.Path.GetFileName(Path);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The run id (the folder name).</summary>
    public string Id { get; }

    /// <summary>run.json path.</summary>
    public string RunJsonPath => System.IO.Path.Combine(Path, RunFile);

    /// <summary>metrics.jsonl path.</summary>
    public string MetricsPath => System.IO.Path.Combine(Path, MetricsFile);

    /// <summary>evaluation.json path.</summary>
    public string EvaluationPath => System.IO.Path.Combine(Path, EvaluationFile);

    /// <summary>notes.json path.</summary>
    public string NotesPath => System.IO.Path.Combine(Path, NotesFile);

    /// <summary>checkpoints/ folder.</summary>
    public string CheckpointsDir => System.IO.Path.Combine(Path, "checkpoints");

    /// <summary>examples/ folder.</summary>
    public string ExamplesDir => System.IO.Path.Combine(Path, "examples");

    /// <summary>Creates <c>&lt;runsDir&gt;/&lt;runId&gt;/</c>; fails when it already exists.</summary>
    public static RunDirectory Create(string runsDir, string runId)
    {
        if (!RunId.IsValid(runId)) throw new ArgumentException($"'{runId}' is not a valid run id.", nameof(runId));
        var path = System.IO.Path.Combine(System.IO.Path.GetFullPath(runsDir), runId);
        if (Directory.Exists(path)) throw new IOException($"{path}: run folder already exists.");
        Directory.CreateDirectory(path);
        return new RunDirectory(path);
    }

    /// <summary>Opens an existing run folder.</summary>
    public static RunDirectory Open(string path)
    {
        if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"{path}: run folder not found.");
        return new RunDirectory(path);
    }

    /// <summary>Replaces run.json.</summary>
    public void WriteRun(RunRecord record) => RunJson.WriteAtomic(RunJsonPath, record);

    /// <summary>Reads run.json.</summary>
    public RunRecord ReadRun() => RunJson.Read<RunRecord>(RunJsonPath);

    /// <summary>Replaces evaluation.json.</summary>
    public void WriteEvaluation(EvaluationSummary summary) => RunJson.WriteAtomic(EvaluationPath, summary);

    /// <summary>Reads evaluation.json, or null when there is none.</summary>
    public EvaluationSummary? ReadEvaluation() => File.Exists(EvaluationPath) ? RunJson.Read<EvaluationSummary>(EvaluationPath) : null;

    /// <summary>Replaces notes.json atomically.</summary>
    public void WriteNotes(RunNotes notes) => RunJson.WriteAtomic(NotesPath, notes);

    /// <summary>
    /// The run's tags and notes: notes.json when present, else the tags and notes run.json was created with (empty when
    /// it has none). A malformed file throws <see cref="InvalidDataException"/> naming it.
    /// </summary>
    public RunNotes ReadNotes()
    {
        if (File.Exists(NotesPath)) return RunJson.Read<RunNotes>(NotesPath);
        var run = ReadRun();
        return new RunNotes { Tags = run.Tags, Notes = run.Notes ?? "" };
    }

    /// <summary>Appends one event as a JSON line to metrics.jsonl (thread-safe; one small write per call).</summary>
    public void AppendMetric(TrainingEvent trainingEvent)
    {
        var line = JsonSerializer.Serialize(trainingEvent, RunJson.Compact) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        lock (_appendLock)
        {
            using var stream = new FileStream(MetricsPath, FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(bytes);
        }
    }

    /// <summary>
    /// Every event in metrics.jsonl, in order. A torn last line (the process died mid-write) and unknown event types are
    /// skipped, so a crashed run is still readable.
    /// </summary>
    public IReadOnlyList<TrainingEvent> ReadMetrics()
    {
        var events = new List<TrainingEvent>();
        if (!File.Exists(MetricsPath)) return events;
        foreach (var line in File.ReadLines(MetricsPath))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                if (JsonSerializer.Deserialize<TrainingEvent>(line, RunJson.Compact) is { } e) events.Add(e);
            }
            catch (JsonException)
            {
                // A partial or foreign line: the rest of the file is still good.
            }
            catch (NotSupportedException)
            {
                // A line whose "type" this version does not know.
            }
        }

        return events;
    }
}
