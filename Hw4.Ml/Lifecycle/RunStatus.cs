namespace Hw4.Ml.Lifecycle;

/// <summary>
/// Where a run (training or denoising) stands. The one status type of Hw4: run.json, the index, the API, the hub and
/// the UI all spell it with the lower-case member name (<see cref="RunStatusNames.Name"/>). Moves between values are
/// checked by <see cref="RunTransitions"/>.
/// </summary>
public enum RunStatus
{
    /// <summary>Waiting for the device; its folder and full request are already on disk.</summary>
    Queued,

    /// <summary>Training or denoising now, in the process named by the run's owner.</summary>
    Running,

    /// <summary>Every epoch (or step) done.</summary>
    Completed,

    /// <summary>Stopped by a user, before or while it ran.</summary>
    Stopped,

    /// <summary>Ended on an error; the run's message holds the cause.</summary>
    Failed,

    /// <summary>Ended on a NaN or infinite loss.</summary>
    Diverged,

    /// <summary>Its process died while it ran; the completed epochs are kept and it can be resumed.</summary>
    Interrupted,
}
