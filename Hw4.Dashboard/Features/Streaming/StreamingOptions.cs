namespace Hw4.Dashboard.Features.Streaming;

/// <summary>The <c>Hw4:Streaming</c> section: event rates and the replay log size.</summary>
public sealed class StreamingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Hw4:Streaming";

    /// <summary>Most <c>DenoiseProgress</c> events per second per run.</summary>
    public double DenoiseProgressPerSecond { get; set; } = 4;

    /// <summary>
    /// Most <c>BatchProgress</c> events per second per run (the latest in between is kept, the last batch of an epoch
    /// always sent); 0, the default, sends every batch. A positive rate bounds the streaming cost of a run whatever the
    /// trainer's batch rate, but the live per-batch chart then skips the batches in between and draws differently from
    /// the same run after a reload (issue 11 asks for every point), so it is off until batches travel bundled.
    /// </summary>
    public double BatchProgressPerSecond { get; set; }

    /// <summary>How many recent events per run are kept for reconnecting clients.</summary>
    public int LogCapacityPerRun { get; set; } = 4096;

    /// <summary>How many runs keep a log; the least recently active are forgotten first.</summary>
    public int MaxRuns { get; set; } = 64;
}
