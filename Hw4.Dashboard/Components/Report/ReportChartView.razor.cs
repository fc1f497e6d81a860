using Hw4.Dashboard.Features.Report;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Report;

/// <summary>
/// A chart of the homework report: its box (height reserved), its caption in words, and its Plotly figure as JSON in a
/// <c>script type="application/json"</c> element that the report's script draws.
/// </summary>
public sealed partial class ReportChartView
{
    /// <summary>The figure.</summary>
    [Parameter, EditorRequired]
    public ReportFigure Figure { get; set; } = default!;

    private string Style => $"height:{Figure.Height}px";

    // The JSON is written by ReportFigures with < > & escaped, so it cannot close the element; the id is ours.
    private string Script => $"<script type=\"application/json\" class=\"hw4-figure\" data-chart=\"{Figure.Id}\">{Figure.Json}</script>";
}
