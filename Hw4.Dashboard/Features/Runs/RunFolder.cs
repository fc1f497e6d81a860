using System.Text.Json;
using Hw4.Dashboard.Features.Runs.Store;
using RunDirectory = Hw4.Ml.Runs.RunDirectory;

namespace Hw4.Dashboard.Features.Runs;

/// <summary>
/// Reads one run folder (<c>run.json</c>, <c>metrics.jsonl</c>, <c>evaluation.json</c>) into a <see cref="RunRecord"/>.
/// Tolerant by design: field names are matched case-insensitively with or without underscores, unknown fields are
/// ignored, and a damaged line is skipped, so the index never fails on one bad file.
/// </summary>
public static class RunFolder
{
    /// <summary>The file with the run's settings; its presence marks a folder as a run.</summary>
    public const string RunFile = RunDirectory.RunFile;

    /// <summary>One JSON object per line: per-batch and per-epoch metrics.</summary>
    public const string MetricsFile = RunDirectory.MetricsFile;

    /// <summary>The test evaluation.</summary>
    public const string EvaluationFile = RunDirectory.EvaluationFile;

    /// <summary>The run folders under <paramref name="runsDir"/> (none when it does not exist).</summary>
    public static IEnumerable<string> Enumerate(string runsDir) => RunDirectory.Enumerate(runsDir);

    /// <summary>Reads the folder; <paramref name="now"/> stamps <see cref="RunRecord.IndexedAt"/>.</summary>
    public static RunRecord Read(string directory, DateTimeOffset now)
    {
        var full = Path.GetFullPath(directory);
        var id = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar));
        var runJson = TryReadText(Path.Combine(full, RunFile));
        var record = new RunRecord
        {
            Id = id,
            Directory = full,
            ConfigJson = runJson,
            CreatedAt = new DateTimeOffset(Directory.GetCreationTimeUtc(full), TimeSpan.Zero),
            IndexedAt = now,
        };

        if (TryParse(runJson) is { } run)
        {
            // The trainer nests the recipe under "config"; older or hand-written files keep it at the top.
            var config = Find(run, ["config"]) is { ValueKind: JsonValueKind.Object } c ? c : run;
            record.Kind = Str(run, "kind") ?? record.Kind;
            record.Model = Str(run, "model", "modelKind", "architecture") ?? Str(config, "model");
            record.EpochsPlanned = Int(run, "epochs", "totalEpochs") ?? Int(config, "epochs");
            record.Status = NormalStatus(Str(run, "status", "state")) ?? record.Status;
            record.BestEpoch = Int(run, "bestEpoch");
            record.Message = Str(run, "message");
            if (Str(run, "createdUtc", "createdAt", "startedAt", "created", "started") is { } created && DateTimeOffset.TryParse(created, out var at))
                record.CreatedAt = at.ToUniversalTime();
        }

        ReadNotes(full, record);
        record.Epochs = ReadEpochs(id, Path.Combine(full, MetricsFile));
        if (record.Status == "diverged" && record.Message is null)
            record.Message = ReadDivergence(Path.Combine(full, MetricsFile));
        record.EpochsDone = record.Epochs.Count;
        var best = record.Epochs.Where(e => e.ValLoss is { } v && double.IsFinite(v)).MinBy(e => e.ValLoss);
        record.BestEpoch ??= best?.Epoch;
        record.BestValLoss = best?.ValLoss;

        if (TryParse(TryReadText(Path.Combine(full, EvaluationFile))) is { } eval)
        {
            record.TestAccuracy = Dbl(eval, "accuracy", "testAccuracy", "acc");
            record.BestEpoch = Int(eval, "bestEpoch", "epoch") ?? record.BestEpoch;
            if (record.Status is "unknown" or "running")
                record.Status = "finished";
        }

        return record;
    }

    /// <summary>
    /// The per-batch losses of a run as (step, loss), for the batch-loss chart of finished runs. Lines count as batch
    /// lines when their type mentions "batch" or they carry a batch index and a loss; the step is the line's
    /// <c>step</c> field, else their running count.
    /// </summary>
    public static IReadOnlyList<(double Step, double Loss)> ReadBatchLosses(string directory)
    {
        var path = Path.Combine(directory, MetricsFile);
        var points = new List<(double, double)>();
        if (!File.Exists(path))
            return points;
        foreach (var line in File.ReadLines(path))
        {
            if (TryParse(line) is not { } o)
                continue;
            var type = Str(o, "type", "kind", "event")?.ToLowerInvariant();
            var isBatch = type is not null ? type.Contains("batch") : Has(o, "batch") && !Has(o, "valLoss");
            if (isBatch && Dbl(o, "loss", "batchLoss", "runningLoss") is { } loss)
                points.Add((Dbl(o, "step", "globalStep") ?? points.Count + 1, loss));
        }

        return points;
    }

    // Hw4.Ml owns the notes format (notes.json, else run.json's own tags and notes); a damaged file leaves them empty
    // rather than dropping the run from the index.
    private static void ReadNotes(string directory, RunRecord record)
    {
        try
        {
            var notes = RunDirectory.Open(directory).ReadNotes();
            record.Tags = notes.Tags.ToList();
            record.Notes = notes.Notes.Length == 0 ? null : notes.Notes;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            record.Tags = [];
            record.Notes = null;
        }
    }

    // A run killed before it rewrote run.json still has the trainer's "diverged" line; its wording is the trainer's own.
    private static string? ReadDivergence(string path)
    {
        if (!File.Exists(path))
            return null;
        string? message = null;
        foreach (var line in File.ReadLines(path))
        {
            if (TryParse(line) is { } o && Str(o, "type") == "diverged" && Int(o, "epoch") is { } epoch && Int(o, "batch") is { } batch)
            {
                var lastFinite = Find(o, ["lastFiniteLoss"]) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : double.NaN;
                message = new Hw4.Ml.Training.Events.Diverged(Str(o, "runId") ?? "", epoch, batch, lastFinite).Message;
            }
        }

        return message;
    }

    private static List<EpochRecord> ReadEpochs(string runId, string path)
    {
        var byEpoch = new SortedDictionary<int, EpochRecord>();
        if (!File.Exists(path))
            return [];
        foreach (var line in File.ReadLines(path))
        {
            if (TryParse(line) is not { } o)
                continue;
            // Per-batch lines carry a batch index; epoch summaries carry a validation loss or an explicit type.
            var type = Str(o, "type", "kind", "event")?.ToLowerInvariant();
            var isEpoch = type is not null ? type.Contains("epoch") : Has(o, "valLoss", "trainLoss");
            if (!isEpoch || Int(o, "epoch") is not { } epoch || Dbl(o, "trainLoss", "loss") is not { } trainLoss)
                continue;
            byEpoch[epoch] = new EpochRecord
            {
                RunId = runId,
                Epoch = epoch,
                TrainLoss = trainLoss,
                ValLoss = Dbl(o, "valLoss", "validationLoss"),
                ValAccuracy = Dbl(o, "valAccuracy", "valAcc", "validationAccuracy"),
                Seconds = Dbl(o, "seconds", "epochSeconds", "epochS"),
                ImagesPerSecond = Dbl(o, "imagesPerSecond", "imgS", "imgPerSec"),
            };
        }

        return byEpoch.Values.ToList();
    }

    // The trainer's TrainingStatus says "completed"; the dashboard's live events say "finished".
    private static string? NormalStatus(string? status) => status?.ToLowerInvariant() switch
    {
        null => null,
        "completed" => "finished",
        "cancelled" => "stopped",
        "created" => "queued",
        var s => s,
    };

    private static string? TryReadText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static JsonElement? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Normal(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static JsonElement? Find(JsonElement o, string[] names)
    {
        var wanted = names.Select(Normal).ToArray();
        foreach (var name in wanted)
        {
            foreach (var p in o.EnumerateObject())
            {
                if (Normal(p.Name) == name && p.Value.ValueKind != JsonValueKind.Null)
                    return p.Value;
            }
        }

        return null;
    }

    private static bool Has(JsonElement o, params string[] names) => names.Any(n => Find(o, [n]) is not null);

    private static string? Str(JsonElement o, params string[] names) => Find(o, names) switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        _ => null,
    };

    // Non-finite values (the trainer writes "NaN" for a diverged validation loss) read as missing: SQLite cannot store
    // NaN, and a chart or table has nothing to show for it anyway.
    private static double? Dbl(JsonElement o, params string[] names) => Find(o, names) switch
    {
        { ValueKind: JsonValueKind.Number } v => v.GetDouble(),
        { ValueKind: JsonValueKind.String } v when double.TryParse(v.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var d)
            && double.IsFinite(d) => d,
        _ => null,
    };

    private static int? Int(JsonElement o, params string[] names) =>
        Dbl(o, names) is { } d && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue ? (int)d : null;
}
