namespace Hw4.Ml.Runs;

/// <summary>
/// The largest size read from each file of a run folder (and of the artifacts folder around it). A run folder is input
/// like any upload: it arrives by copy, restore or export, on storage many hands touch, so nothing in it may take the
/// reader's memory up. The defaults are far above what a run writes (a run.json is about 2 KB, a 15-epoch CIFAR-10
/// run's metrics.jsonl about 3 MB). A file over its cap is refused with a message naming it, its size and the cap.
/// </summary>
public sealed record RunFileLimits
{
    /// <summary>The defaults.</summary>
    public static RunFileLimits Default { get; } = new();

    /// <summary>run.json (default 1 MiB).</summary>
    public long RunJsonBytes { get; init; } = 1L << 20;

    /// <summary>notes.json (default 256 KiB; notes are at most 10,000 characters).</summary>
    public long NotesBytes { get; init; } = 256L << 10;

    /// <summary>evaluation.json (default 4 MiB).</summary>
    public long EvaluationBytes { get; init; } = 4L << 20;

    /// <summary>predictions.json (default 8 MiB; CIFAR-10's 10,000 test labels take about 60 KB).</summary>
    public long PredictionsBytes { get; init; } = 8L << 20;

    /// <summary>A checkpoint's <c>state_&lt;e&gt;.json</c> (default 4 MiB).</summary>
    public long CheckpointStateBytes { get; init; } = 4L << 20;

    /// <summary>
    /// A checkpoint's model or optimizer file (default 1 GiB). Each must also be exactly the size its network's
    /// parameters give, which is checked before it is read.
    /// </summary>
    public long CheckpointBytes { get; init; } = 1L << 30;

    /// <summary>metrics.jsonl in all (default 64 MiB); it is streamed, never read whole.</summary>
    public long MetricsBytes { get; init; } = 64L << 20;

    /// <summary>One line of metrics.jsonl (default 64 KiB); a longer line is skipped like a torn one.</summary>
    public int MetricsLineBytes { get; init; } = 64 << 10;

    /// <summary>shares.json in the artifacts folder (default 4 MiB).</summary>
    public long SharesBytes { get; init; } = 4L << 20;

    /// <summary>Each setting whose value is out of range, as "Name must be ... (was ...)"; empty when all are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Check(nameof(RunJsonBytes), RunJsonBytes, 1L << 10);
        Check(nameof(NotesBytes), NotesBytes, 1L << 10);
        Check(nameof(EvaluationBytes), EvaluationBytes, 1L << 10);
        Check(nameof(PredictionsBytes), PredictionsBytes, 1L << 10);
        Check(nameof(CheckpointStateBytes), CheckpointStateBytes, 1L << 10);
        Check(nameof(CheckpointBytes), CheckpointBytes, 1L << 10);
        Check(nameof(MetricsBytes), MetricsBytes, 1L << 10);
        Check(nameof(MetricsLineBytes), MetricsLineBytes, 1L << 10, int.MaxValue / 2);
        Check(nameof(SharesBytes), SharesBytes, 1L << 10);
        return problems;

        // Below 1 KiB not even an empty run fits; above Array.MaxLength a file cannot be held whole.
        void Check(string name, long value, long min, long? max = null)
        {
            var upper = max ?? Array.MaxLength;
            if (value < min || value > upper)
                problems.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} must be between {min:N0} and {upper:N0} bytes (was {value:N0})."));
        }
    }
}
