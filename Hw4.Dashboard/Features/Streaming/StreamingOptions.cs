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
    /// always sent); 0 sends every batch. Each one goes to every viewer, so this bounds the streaming cost of a run
    /// whatever the trainer's batch rate.
    /// </summary>
    public double BatchProgressPerSecond { get; set; } = 4;

    /// <summary>How many recent events per run are kept for reconnecting clients.</summary>
    public int LogCapacityPerRun { get; set; } = 4096;

    /// <summary>How many runs keep a log; the least recently active are forgotten first.</summary>
    public int MaxRuns { get; set; } = 64;
}
