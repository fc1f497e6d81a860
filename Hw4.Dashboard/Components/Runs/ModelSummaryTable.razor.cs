using Hw4.Ml.Models;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>A network's layers: type, output shape for one 3×32×32 image, and parameter counts.</summary>
public sealed partial class ModelSummaryTable
{
    /// <summary>The summary to show.</summary>
    [Parameter, EditorRequired]
    public ModelSummary Summary { get; set; } = default!;

    private static string Shape(LayerSummary layer) => "[" + string.Join(" × ", layer.OutputShape) + "]";
}
