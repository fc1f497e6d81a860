using Hw4.Dashboard.Features.Report;
using Hw4.Ml.Recipes;

namespace Hw4.Dashboard.Components.Pages.Report;

/// <summary>One line of the report page: a part, the run it uses (or none), the runs it could use and how the run departs from the homework.</summary>
/// <param name="Part">The part.</param>
/// <param name="RunId">Its run, or null when not run yet.</param>
/// <param name="Asked">True when the address chose the run; false when it is the default pick.</param>
/// <param name="Differences">How the run departs from the homework's settings.</param>
/// <param name="Options">The runs the picker offers: id and label, newest first.</param>
public sealed record ReportPartRow(
    ReportPart Part, string? RunId, bool Asked, IReadOnlyList<RecipeDifference> Differences, IReadOnlyList<(string Id, string Label)> Options)
{
    /// <summary>The picker's value for "the default pick".</summary>
    public const string DefaultChoice = "";

    /// <summary>The part as the report names it.</summary>
    public string Title => ReportParts.Title(Part);

    /// <summary>The run queued for this part from the page, while it has not finished; else null.</summary>
    public string? QueuedId { get; init; }

    /// <summary>The words of a missing part: not run yet, or queued as which run.</summary>
    public string MissingText => QueuedId is { } id ? $"{ReportText.NotRunYet} (queued as {id})" : ReportText.NotRunYet;

    /// <summary>The picker's current value.</summary>
    public string Choice => Asked ? RunId ?? DefaultChoice : DefaultChoice;

    /// <summary>The row's test id.</summary>
    public string TestId => $"report-part-{ReportParts.Key(Part)}";
}
