namespace Hw4.Dashboard.Features.Queue;

/// <summary>The <c>Hw4:Queue</c> section.</summary>
public sealed class QueueOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Hw4:Queue";

    /// <summary>How many jobs may wait; enqueueing beyond it is refused with a message.</summary>
    public int Capacity { get; set; } = 16;
}
