namespace Hw4.Dashboard.Features.Streaming;

/// <summary>The <c>Hw4:Streaming</c> section: event rates and the replay log size.</summary>
public sealed class StreamingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Hw4:Streaming";

    /// <summary>Most <c>DenoiseProgress</c> events per second per run.</summary>
    public double DenoiseProgressPerSecond { get; set; } = 4;

    /// <summary>
    /// Most hub messages carrying a run's training batches per second (default 4). Each carries every batch since the one
    /// before (<see cref="IRunsClient.ReceiveEvents"/>), so hub clients get every point at a rate they can draw, and the
    /// server's work per connection stays a few frames a second whatever the trainer's batch rate. Components on the
    /// server get every batch at once.
    /// </summary>
    public double BatchMessagesPerSecond { get; set; } = 4;

    /// <summary>How many recent events per run are kept for reconnecting clients.</summary>
    public int LogCapacityPerRun { get; set; } = 4096;

    /// <summary>How many runs keep a log; the least recently active are forgotten first.</summary>
    public int MaxRuns { get; set; } = 64;
}
