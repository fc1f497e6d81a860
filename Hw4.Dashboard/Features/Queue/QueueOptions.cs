namespace Hw4.Dashboard.Features.Queue;

/// <summary>The <c>Hw4:Queue</c> section.</summary>
public sealed class QueueOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Hw4:Queue";

    /// <summary>How many jobs may wait; enqueueing beyond it is refused with a message.</summary>
    public int Capacity { get; set; } = 16;

    /// <summary>With the PostgreSQL store: how often a host training a run heartbeats (and reads stop requests).</summary>
    public double HeartbeatSeconds { get; set; } = 2;

    /// <summary>
    /// With the PostgreSQL store: a host silent for this long has lost its run, which becomes interrupted and can be
    /// resumed on another host. Several heartbeats long, so one slow database round trip does not cost a run.
    /// </summary>
    public double HeartbeatTimeoutSeconds { get; set; } = 10;

    /// <summary>With the PostgreSQL store: how often an idle host looks for a waiting run.</summary>
    public double PollSeconds { get; set; } = 1;
}
