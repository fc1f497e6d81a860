using Hw4.Ml.Recipes;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>
/// Says that a run is not what the homework asks, and in what (<c>epochs 2, not 15; …</c>); renders nothing for a run
/// of the homework's settings. Plain markup, so the /report page and the homework report show the same note.
/// </summary>
public sealed partial class RecipeNote
{
    /// <summary>How the run departs from the homework's settings.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<RecipeDifference> Differences { get; set; } = [];

    /// <summary>What the run is (e.g. "CNN run 2026…"), named in the note.</summary>
    [Parameter]
    public string? Subject { get; set; }

    /// <summary>The element's test id.</summary>
    [Parameter]
    public string TestId { get; set; } = "off-recipe";

    private string Lead => Subject is null ? "Not the homework's settings:" : $"{Subject} is not the homework's settings:";

    private string Text => string.Join("; ", Differences) + ".";
}
