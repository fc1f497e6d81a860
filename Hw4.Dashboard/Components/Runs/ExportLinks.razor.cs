using Hw4.Dashboard.Features.Export;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>
/// Download links for the exports of one run (JSON, CSV zip, HTML report, PyTorch state_dict) or of a comparison
/// (HTML report); every link goes to <see cref="ExportEndpoints"/>.
/// </summary>
public sealed partial class ExportLinks
{
    /// <summary>The run, or the compared runs with the baseline first.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<string> RunIds { get; set; } = [];

    /// <summary>Whether the single run has a checkpoint to export as a state_dict.</summary>
    [Parameter]
    public bool HasCheckpoint { get; set; }

    /// <summary>The links shown, in order.</summary>
    public IReadOnlyList<ExportLink> Links { get; private set; } = [];

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (RunIds.Count > 1)
        {
            Links = [new ExportLink("HTML report", "html", ExportEndpoints.CompareUrl(RunIds), "compare-report.html", "One offline HTML file comparing these runs")];
            return;
        }

        if (RunIds.Count == 0)
        {
            Links = [];
            return;
        }

        var id = RunIds[0];
        var links = new List<ExportLink>
        {
            new("JSON", "json", ExportEndpoints.RunUrl(id, "json"), $"{id}.json", "Config, every epoch, the reported batches and the evaluation"),
            new("CSV", "csv", ExportEndpoints.RunUrl(id, "csv"), $"{id}-csv.zip", "A zip of epochs.csv, batches.csv, confusion.csv and per_class.csv"),
            new("HTML report", "html", ExportEndpoints.RunUrl(id, "html"), $"{id}-report.html", "One offline HTML file with the charts, confusion and images"),
        };
        if (HasCheckpoint)
            links.Add(new("PyTorch state_dict", "pt", ExportEndpoints.RunUrl(id, "pt"), $"{id}.pt", "The best epoch's weights for torch.load (see scripts/pytorch/hw4_models.py)"));
        Links = links;
    }
}
