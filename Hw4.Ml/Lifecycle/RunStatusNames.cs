namespace Hw4.Ml.Lifecycle;

/// <summary>The one spelling of each <see cref="RunStatus"/> and the questions every caller asks of it.</summary>
public static class RunStatusNames
{
    /// <summary>Every status, in declaration order.</summary>
    public static IReadOnlyList<RunStatus> All { get; } = Enum.GetValues<RunStatus>();

    /// <summary>The lower-case word used in files, the index, the API, the hub and the UI (e.g. <c>completed</c>).</summary>
    public static string Name(this RunStatus status) => status switch
    {
        RunStatus.Queued => "queued",
        RunStatus.Running => "running",
        RunStatus.Completed => "completed",
        RunStatus.Stopped => "stopped",
        RunStatus.Failed => "failed",
        RunStatus.Diverged => "diverged",
        RunStatus.Interrupted => "interrupted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };

    /// <summary>Parses <see cref="Name"/>'s word; null for anything else.</summary>
    public static RunStatus? Parse(string? word) => All.Cast<RunStatus?>().FirstOrDefault(s => s!.Value.Name() == word);

    /// <summary>True while the run waits for or holds the device.</summary>
    public static bool IsActive(this RunStatus status) => status is RunStatus.Queued or RunStatus.Running;

    /// <summary>True when a resume may queue it again (interrupted, stopped or failed).</summary>
    public static bool CanResume(this RunStatus status) => status is RunStatus.Interrupted or RunStatus.Stopped or RunStatus.Failed;
}
