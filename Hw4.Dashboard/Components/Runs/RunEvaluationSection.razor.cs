using System.Globalization;
using Hw4.Dashboard.Features.Runs.Detail;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>A run's test evaluation: accuracy, per-class bars, the confusion heatmap, the worst class and its gallery.</summary>
public sealed partial class RunEvaluationSection
{
    /// <summary>The run (for file names and links).</summary>
    [Parameter, EditorRequired]
    public string RunId { get; set; } = "";

    /// <summary>The shaped evaluation.</summary>
    [Parameter, EditorRequired]
    public EvaluationView View { get; set; } = default!;

    private string WorstText => View.Partner is { } partner
        ? string.Create(CultureInfo.InvariantCulture,
            $"Worst class: {View.WorstClass} ({View.WorstAccuracy:0.0%} right), most often taken for {partner} ({View.PartnerFraction ?? 0:0.0%} of its images).")
        : string.Create(CultureInfo.InvariantCulture, $"Worst class: {View.WorstClass} ({View.WorstAccuracy:0.0%} right), never confused.");

    private string GalleryTitle => View.Partner is { } partner ? $"{View.WorstClass} predicted as {partner}" : "Confused test images";
}
