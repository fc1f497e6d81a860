using Hw4.Ml.Lifecycle;
using MudBlazor;

namespace Hw4.Dashboard.Features.Runs;

/// <summary>
/// How a run's status looks wherever a page shows it: the colour of its chip and the severity of the message beside it.
/// One map for training and denoising runs, so a status has one colour and one tone everywhere (the two run views had
/// a map each, and an interrupted or stopped training run's message read as information while a denoising run's read
/// as a warning).
/// </summary>
public static class RunStatusStyle
{
    /// <summary>The chip colour of <paramref name="status"/> (none yet: the default).</summary>
    public static Color Color(RunStatus? status) => status switch
    {
        RunStatus.Running => MudBlazor.Color.Info,
        RunStatus.Completed => MudBlazor.Color.Success,
        RunStatus.Failed or RunStatus.Diverged => MudBlazor.Color.Error,
        RunStatus.Stopped or RunStatus.Interrupted => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>The severity of the run's message (why it ended, or what it is doing) under <paramref name="status"/>.</summary>
    public static Severity MessageSeverity(RunStatus? status) => status switch
    {
        RunStatus.Failed or RunStatus.Diverged => Severity.Error,
        RunStatus.Stopped or RunStatus.Interrupted => Severity.Warning,
        _ => Severity.Info,
    };
}
