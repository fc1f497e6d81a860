using Hw4.Dashboard.Features.Charts;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Charts;

/// <summary>Where a run page's chart goes, with its <see cref="ChartSketch"/> in its place until it has drawn.</summary>
public sealed partial class SketchedChartSlot
{
    /// <summary>True once the chart itself is rendered (it may not have drawn yet).</summary>
    [Parameter]
    public bool Shown { get; set; }

    /// <summary>The server-drawn curve; null when there is none or once the chart has drawn.</summary>
    [Parameter]
    public ChartSketch? Sketch { get; set; }

    /// <summary>The sketch's legend under the plot, where the chart's is.</summary>
    [Parameter]
    public bool LegendBelow { get; set; }

    /// <summary>The chart.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }
}
