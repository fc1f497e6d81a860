using Hw4.Dashboard.Features.Report;

namespace Hw4.Dashboard.Components.Pages.Report;

/// <summary>One line of the report page: a part and the run it uses, or null when not run yet.</summary>
/// <param name="Part">The part.</param>
/// <param name="RunId">Its run, or null.</param>
public sealed record ReportPartRow(ReportPart Part, string? RunId)
{
    /// <summary>The part as the report names it.</summary>
    public string Title => Part switch
    {
        ReportPart.DenoiseL1 => "1.2 Denoising, L1",
        ReportPart.DenoiseL2 => "1.2 Denoising, L2",
        ReportPart.Cnn => "2 Classifier, CNN",
        _ => "2 Classifier, residual",
    };

    /// <summary>The run queued for this part from the page, while it has not finished; else null.</summary>
    public string? QueuedId { get; init; }

    /// <summary>The words of a missing part: not run yet, or queued as which run.</summary>
    public string MissingText => QueuedId is { } id ? $"{HomeworkReportHtml.NotRunYet} (queued as {id})" : HomeworkReportHtml.NotRunYet;

    /// <summary>The row's test id.</summary>
    public string TestId => $"report-part-{Part.ToString().ToLowerInvariant()}";
}
