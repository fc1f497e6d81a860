using System.Text;
using System.Text.Json;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Imaging;
using Hw4.Ml.IO;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Ml.Runs;

/// <summary>
/// One run's folder, <c>runs/&lt;run-id&gt;/</c>, and the only code that reads or writes it: <c>run.json</c>
/// (<see cref="RunRecord"/>), append-only <c>metrics.jsonl</c> (one <see cref="RunEvent"/> per line),
/// <c>checkpoints/</c>, <c>evaluation.json</c>, <c>examples/*.png</c>, <c>notes.json</c> and, for a denoising run,
/// <c>input.png</c>, <c>clean.png</c> and <c>output.png</c>. JSON files are replaced
/// atomically, and the status moves only through <see cref="Transition"/>, under a lock file that other processes
/// respect too.
/// </summary>
public sealed class RunDirectory
{
    /// <summary>run.json.</summary>
    public const string RunFile = "run.json";

    /// <summary>metrics.jsonl.</summary>
    public const string MetricsFile = "metrics.jsonl";

    /// <summary>evaluation.json.</summary>
    public const string EvaluationFile = "evaluation.json";

    /// <summary>predictions.json: the evaluated checkpoint's label per test image (see <see cref="TestPredictions"/>).</summary>
    public const string PredictionsFile = "predictions.json";

    /// <summary>notes.json: the user's tags and notes (see <see cref="RunNotes"/>).</summary>
    public const string NotesFile = "notes.json";

    /// <summary>input.png: a denoising run's noisy input, as denoised.</summary>
    public const string InputImageFile = "input.png";

    /// <summary>clean.png: a denoising run's clean reference, when it has one.</summary>
    public const string CleanImageFile = "clean.png";

    /// <summary>output.png: a denoising run's result (or, when stopped, its estimate at the last report).</summary>
    public const string OutputImageFile = "output.png";

    private const string LockFile = ".run.lock";

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly Lock _appendLock = new();
    private string? _realPath;

    private RunDirectory(string path, RunFileLimits? limits, TimeProvider? time = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        Id = System.IO.Path.GetFileName(Path);
        Limits = limits ?? RunFileLimits.Default;
        Time = time ?? TimeProvider.System;
    }

    /// <summary>The clock the <see cref="Run"/> aggregate stamps this run's moves with.</summary>
    public TimeProvider Time { get; }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The run id (the folder name).</summary>
    public string Id { get; }

    /// <summary>The most bytes read from each of its files.</summary>
    public RunFileLimits Limits { get; }

    /// <summary>
    /// How messages name a file of this run: relative to the artifacts folder (<c>&lt;id&gt;/run.json</c>), never by its
    /// path on the server. <paramref name="relativePath"/> is relative to the run folder.
    /// </summary>
    public string NameOf(string relativePath) => $"{Id}/{relativePath.Replace('\\', '/')}";

    /// <summary>
    /// <paramref name="message"/> with every path inside the artifacts folder made relative to it (an error from the
    /// runtime names the server path): what run.json and the events keep, and users are shown.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(message))]
    public string? Relative(string? message)
    {
        if (message is null)
            return null;
        var artifacts = System.IO.Path.GetDirectoryName(Path);
        return string.IsNullOrEmpty(artifacts) ? message : message.Replace(artifacts + System.IO.Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }

    /// <summary>The end-of-epoch checkpoints, read within <see cref="Limits"/> and named relative to the artifacts folder.</summary>
    public Training.CheckpointStore Checkpoints => new(CheckpointsDir, Limits);

    /// <summary>run.json path.</summary>
    public string RunJsonPath => System.IO.Path.Combine(Path, RunFile);

    /// <summary>metrics.jsonl path.</summary>
    public string MetricsPath => System.IO.Path.Combine(Path, MetricsFile);

    /// <summary>evaluation.json path.</summary>
    public string EvaluationPath => System.IO.Path.Combine(Path, EvaluationFile);

    /// <summary>predictions.json path.</summary>
    public string PredictionsPath => System.IO.Path.Combine(Path, PredictionsFile);

    /// <summary>notes.json path.</summary>
    public string NotesPath => System.IO.Path.Combine(Path, NotesFile);

    /// <summary>input.png path.</summary>
    public string InputImagePath => System.IO.Path.Combine(Path, InputImageFile);

    /// <summary>clean.png path.</summary>
    public string CleanImagePath => System.IO.Path.Combine(Path, CleanImageFile);

    /// <summary>output.png path.</summary>
    public string OutputImagePath => System.IO.Path.Combine(Path, OutputImageFile);

    /// <summary>checkpoints/ folder.</summary>
    public string CheckpointsDir => System.IO.Path.Combine(Path, "checkpoints");

    /// <summary>examples/ folder.</summary>
    public string ExamplesDir => System.IO.Path.Combine(Path, "examples");

    /// <summary>
    /// The run folders (those holding run.json) under <paramref name="artifactsDir"/>, ordered by id; none when it does not
    /// exist. Folders whose name starts with '.' are skipped: no run id does, and a run being created or deleted is so
    /// named until it is whole or gone.
    /// </summary>
    public static IEnumerable<string> Enumerate(string artifactsDir) =>
        Directory.Exists(artifactsDir)
            ? Directory.EnumerateDirectories(artifactsDir)
                .Where(d => !System.IO.Path.GetFileName(d).StartsWith('.') && File.Exists(System.IO.Path.Combine(d, RunFile)))
                .Order(StringComparer.Ordinal)
            : [];

    /// <summary>
    /// Creates <c>&lt;artifactsDir&gt;/&lt;record.Id&gt;/</c> holding <paramref name="record"/> as run.json, all at once: the
    /// folder is built under a hidden name and renamed, so a crash leaves a whole run or none. <paramref name="fill"/>
    /// writes the run's other files (a denoising run's input images) into it before the rename. Fails when it exists.
    /// </summary>
    public static RunDirectory Create(string artifactsDir, RunRecord record, Action<RunDirectory>? fill = null, RunFileLimits? limits = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!RunId.IsValid(record.Id)) throw new ArgumentException($"'{record.Id}' is not a valid run id.", nameof(record));
        var root = System.IO.Path.GetFullPath(artifactsDir);
        var path = System.IO.Path.Combine(root, record.Id);
        if (Directory.Exists(path)) throw new IOException($"{path}: run folder already exists.");
        Directory.CreateDirectory(root);
        var building = System.IO.Path.Combine(root, $".creating-{record.Id}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(building);
        try
        {
            MlJson.WriteAtomic(System.IO.Path.Combine(building, RunFile), record);
            fill?.Invoke(new RunDirectory(building, limits, time));
            Directory.Move(building, path);
        }
        catch
        {
            if (Directory.Exists(building)) Directory.Delete(building, recursive: true);
            throw;
        }

        return new RunDirectory(path, limits, time);
    }

    /// <summary>
    /// Opens an existing run folder, whose files are read within <paramref name="limits"/> (default:
    /// <see cref="RunFileLimits.Default"/>) and whose moves are stamped by <paramref name="time"/> (default: the system clock).
    /// </summary>
    public static RunDirectory Open(string path, RunFileLimits? limits = null, TimeProvider? time = null)
    {
        if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"Run folder {System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(path))} not found.");
        return new RunDirectory(path, limits, time);
    }

    /// <summary>
    /// Reads run.json and checks every value (<see cref="RunFileChecks"/>); a missing, refused (see
    /// <see cref="ContainedFile"/>), malformed or invalid file throws <see cref="InvalidDataException"/> naming it.
    /// </summary>
    public RunRecord ReadRun() => RunFileChecks.Check(MlJson.Read<RunRecord>(RunJsonPath, Root(), NameOf(RunFile), Limits.RunJsonBytes), NameOf(RunFile));

    /// <summary>run.json as written (for a raw view), or null when it cannot be read (missing, refused or over its cap).</summary>
    public string? ReadRunText()
    {
        try
        {
            return ContainedFile.TryReadAllBytes(RunJsonPath, Root(), NameOf(RunFile), Limits.RunJsonBytes) is { } bytes
                ? Encoding.UTF8.GetString(bytes)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// The bytes of the file at <paramref name="relativePath"/> in this run folder, or null when there is none: only a
    /// regular file whose real location is inside the folder (see <see cref="ContainedFile"/>), at most
    /// <paramref name="maxBytes"/>. A refusal is an <see cref="InvalidDataException"/> naming the file relative to the
    /// artifacts folder. What every reader of a run's files goes through.
    /// </summary>
    public byte[]? ReadFileBytes(string relativePath, long maxBytes) =>
        ContainedFile.TryReadAllBytes(System.IO.Path.Combine(Path, relativePath), Root(), NameOf(relativePath), maxBytes);

    /// <summary>
    /// Opens the file at <paramref name="relativePath"/> for reading as <see cref="ReadFileBytes"/> checks it (a stream to
    /// serve or copy), or null when there is none.
    /// </summary>
    public FileStream? OpenFile(string relativePath, long maxBytes) =>
        ContainedFile.TryOpenRead(System.IO.Path.Combine(Path, relativePath), Root(), NameOf(relativePath), maxBytes);

    /// <summary>
    /// Reads run.json under the folder's lock, lets <paramref name="change"/> move it through the <see cref="Run"/>
    /// aggregate, and writes it back atomically (when changed) before the lock is let go; returns what the aggregate
    /// returned (the event to publish). The aggregate's refusals (<see cref="RunStatusChangeException"/>,
    /// <see cref="RunLeaseLostException"/>) leave the file as it was.
    /// </summary>
    public T Apply<T>(Func<Run, T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var _ = AcquireLock();
        var current = ReadRun();
        var run = new Run(current, Time, () => RunProjection.Of(ReadMetrics()));
        var result = change(run);
        if (!ReferenceEquals(run.Record, current))
            MlJson.WriteAtomic(RunJsonPath, run.Record with { Id = current.Id, Message = Relative(run.Record.Message) });
        return result;
    }

    /// <summary>
    /// Starts an attempt in this process (<see cref="Run.Start"/>) and returns its fenced hold on the folder;
    /// <paramref name="attempt"/> is the number a scheduler granted (null: the next one).
    /// </summary>
    public RunAttempt Start(string host, long? attempt = null, Func<RunRecord, RunRecord>? provenance = null) =>
        new(this, Apply(run => run.Start(RunOwner.Current(), host, attempt, provenance)));

    /// <summary>Runs <paramref name="action"/> under the folder's lock (<see cref="RunAttempt"/>'s fenced writes).</summary>
    internal void UnderLock(Action action)
    {
        using var _ = AcquireLock();
        action();
    }

    /// <summary>
    /// Moves the run to <paramref name="to"/> (checked by <see cref="RunTransitions"/> against the status on disk) and
    /// applies <paramref name="change"/> to the rest of the record, in one atomic write under the folder's lock: for
    /// test fixtures that build a folder in a given state. The product moves runs through <see cref="Apply{T}"/>.
    /// Throws <see cref="RunStatusChangeException"/> for a move that is not allowed.
    /// </summary>
    public RunRecord Transition(RunStatus to, Func<RunRecord, RunRecord>? change = null)
    {
        using var _ = AcquireLock();
        var current = ReadRun();
        RunTransitions.Check(Id, current.Status, to);
        var next = (change?.Invoke(current) ?? current) with { Id = current.Id, Status = to };
        next = next with { Message = Relative(next.Message) };
        MlJson.WriteAtomic(RunJsonPath, next);
        return next;
    }

    /// <summary>Rewrites run.json fields other than the status (e.g. figures known once a run started), under the lock.</summary>
    public RunRecord Update(Func<RunRecord, RunRecord> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var _ = AcquireLock();
        var current = ReadRun();
        var next = change(current) with { Id = current.Id, Status = current.Status };
        next = next with { Message = Relative(next.Message) };
        MlJson.WriteAtomic(RunJsonPath, next);
        return next;
    }

    /// <summary>Replaces evaluation.json.</summary>
    public void WriteEvaluation(EvaluationSummary summary) => MlJson.WriteAtomic(EvaluationPath, summary);

    /// <summary>Reads evaluation.json, or null when there is none; a refused, malformed or inconsistent file throws <see cref="InvalidDataException"/>.</summary>
    public EvaluationSummary? ReadEvaluation() =>
        MlJson.TryRead<EvaluationSummary>(EvaluationPath, Root(), NameOf(EvaluationFile), Limits.EvaluationBytes) is { } e
            ? RunFileChecks.Check(e, NameOf(EvaluationFile))
            : null;

    /// <summary>Replaces predictions.json atomically.</summary>
    public void WritePredictions(TestPredictions predictions) => MlJson.WriteAtomic(PredictionsPath, predictions);

    /// <summary>The test predictions, or null when the run has none (older runs); a malformed file throws <see cref="InvalidDataException"/>.</summary>
    public TestPredictions? ReadPredictions() =>
        MlJson.TryRead<TestPredictions>(PredictionsPath, Root(), NameOf(PredictionsFile), Limits.PredictionsBytes) is { } p
            ? RunFileChecks.Check(p, NameOf(PredictionsFile))
            : null;

    /// <summary>Replaces notes.json atomically.</summary>
    public void WriteNotes(RunNotes notes) => MlJson.WriteAtomic(NotesPath, notes);

    /// <summary>The run's tags and notes (empty when it has none); a malformed file throws <see cref="InvalidDataException"/>.</summary>
    public RunNotes ReadNotes() =>
        MlJson.TryRead<RunNotes>(NotesPath, Root(), NameOf(NotesFile), Limits.NotesBytes) is { } n
            ? RunFileChecks.Check(n, NameOf(NotesFile))
            : new RunNotes();

    /// <summary>The most bytes <see cref="ReadExample"/> reads: an upscaled 32×32 PNG is a few tens of KB.</summary>
    public const int MaxExampleBytes = 1024 * 1024;

    /// <summary>
    /// The bytes of an example image recorded in evaluation.json (<c>examples/&lt;name&gt;.png</c>), or null when the
    /// name is not a plain file of examples/, is not a regular file or is larger than <see cref="MaxExampleBytes"/>.
    /// </summary>
    public byte[]? ReadExample(string? file)
    {
        if (string.IsNullOrEmpty(file) || !file.StartsWith("examples/", StringComparison.Ordinal))
            return null;
        var name = file["examples/".Length..];
        if (name.Length == 0 || name.Contains('/') || name.Contains('\\') || name is "." or ".." || name.Contains('\0'))
            return null;
        try
        {
            return ReadFileBytes($"examples/{name}", MaxExampleBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Writes a denoising run's input (and clean reference, when given) as PNG, each atomically.</summary>
    public void WriteInputImages(RgbImage noisy, RgbImage? clean)
    {
        ArgumentNullException.ThrowIfNull(noisy);
        AtomicFile.WriteAllBytes(InputImagePath, ImageFile.EncodePng(noisy));
        if (clean is not null)
            AtomicFile.WriteAllBytes(CleanImagePath, ImageFile.EncodePng(clean));
    }

    /// <summary>
    /// Reads a denoising run's input and clean reference (null when it has none) back; a missing or damaged file throws
    /// <see cref="ImageLoadException"/> naming it. The images were written here, but are still read within the limits.
    /// </summary>
    public (RgbImage Noisy, RgbImage? Clean) ReadInputImages()
    {
        var noisy = ReadImage(InputImageFile) ?? throw new ImageLoadException($"Image '{NameOf(InputImageFile)}' does not exist.");
        return (noisy, ReadImage(CleanImageFile));
    }

    private RgbImage? ReadImage(string file)
    {
        byte[]? bytes;
        try
        {
            bytes = ReadFileBytes(file, ImageLimits.Default.MaxFileBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new ImageLoadException($"Image '{NameOf(file)}' cannot be read: {e.Message}", e);
        }

        return bytes is null ? null : ImageFile.Decode(bytes, NameOf(file));
    }

    /// <summary>Replaces output.png atomically, so a reader or a crash never sees half an image.</summary>
    public void WriteOutputImage(RgbImage output)
    {
        ArgumentNullException.ThrowIfNull(output);
        AtomicFile.WriteAllBytes(OutputImagePath, ImageFile.EncodePng(output));
    }

    /// <summary>Appends one event as a JSON line to metrics.jsonl (thread-safe; one small write per call).</summary>
    public void AppendMetric(RunEvent runEvent)
    {
        var line = JsonSerializer.Serialize(runEvent, MlJson.Compact) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        lock (_appendLock)
        {
            // Never through a link someone planted: it could point at any file this process may write.
            using var stream = InputFile.OpenAppend(MetricsPath);
            stream.Write(bytes);
        }
    }

    /// <summary>
    /// Every event in metrics.jsonl, in order, streamed: the file is at most <see cref="RunFileLimits.MetricsBytes"/>
    /// (else an <see cref="InvalidDataException"/> naming it, size and cap), and a line longer than
    /// <see cref="RunFileLimits.MetricsLineBytes"/> is skipped unread, as are a torn last line (the process died
    /// mid-write) and unknown event types, so a crashed run is still readable.
    /// </summary>
    public IReadOnlyList<RunEvent> ReadMetrics()
    {
        var events = new List<RunEvent>();
        using var stream = ContainedFile.TryOpenRead(MetricsPath, Root(), NameOf(MetricsFile), Limits.MetricsBytes);
        if (stream is null) return events;
        var line = new byte[Limits.MetricsLineBytes];
        var buffer = new byte[64 * 1024];
        var (length, skipping) = (0, false);
        long total = 0;
        int read;
        while ((read = ReadChunk(stream, buffer)) > 0)
        {
            total += read;
            // Appended to since it was opened: what was there when the caller asked is what counts, up to the cap.
            if (total > Limits.MetricsBytes)
                throw ContainedFile.TooLarge(NameOf(MetricsFile), total, Limits.MetricsBytes);
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'\n')
                {
                    if (!skipping) Parse(line.AsSpan(0, length), events);
                    (length, skipping) = (0, false);
                }
                else if (!skipping)
                {
                    if (length == line.Length)
                        skipping = true;
                    else
                        line[length++] = b;
                }
            }
        }

        if (!skipping) Parse(line.AsSpan(0, length), events);
        return events;
    }

    private int ReadChunk(FileStream stream, byte[] buffer)
    {
        try
        {
            return stream.Read(buffer, 0, buffer.Length);
        }
        catch (IOException e)
        {
            throw ContainedFile.CannotRead(NameOf(MetricsFile), e);
        }
    }

    private static void Parse(ReadOnlySpan<byte> line, List<RunEvent> events)
    {
        if (line.StartsWith(Utf8Bom)) line = line[Utf8Bom.Length..];
        if (line.Trim(" \t\r"u8).IsEmpty) return;
        try
        {
            if (JsonSerializer.Deserialize<RunEvent>(line, MlJson.Compact) is { } e) events.Add(e);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            // A partial or foreign line, or one whose "type" this version does not know: the rest of the file is still good.
        }
    }

    /// <summary>
    /// The folder every file read must be inside, once checked that the run folder is itself inside the artifacts
    /// folder: a run folder that is a link to another place is refused whole.
    /// </summary>
    private string Root()
    {
        if (_realPath is { } known)
            return known;
        var parent = System.IO.Path.GetDirectoryName(Path)!;
        var real = InputFile.RealPath(Path) ?? throw new DirectoryNotFoundException($"Run folder {Id} not found.");
        var expected = InputFile.RealPath(parent) is { } realParent ? System.IO.Path.Join(realParent, Id) : null;
        if (!string.Equals(real, expected, StringComparison.Ordinal))
            throw new InvalidDataException($"{Id} is a link to a folder outside the artifacts folder; its files were not read.");
        return _realPath = real;
    }

    // flock-based on Unix (FileShare.None), so it also keeps out another process (a CLI train beside the dashboard).
    private FileStream AcquireLock()
    {
        var path = System.IO.Path.Combine(Path, LockFile);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            // Writers hold it for one small write, a checkpoint's at most: wait for them rather than fail a run.
            catch (IOException) when (attempt < 3000 && Directory.Exists(Path))
            {
                Thread.Sleep(10);
            }
        }
    }
}
