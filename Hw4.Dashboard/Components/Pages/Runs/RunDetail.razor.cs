using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Detail;
using Hw4.Dashboard.Features.Runs.Store;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Models;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Pages.Runs;

/// <summary>
/// One run: its indexed record and folder data (config, model summary, checkpoints, evaluation, divergence), plus live
/// events when it is (or was, since start) active.
/// </summary>
public sealed partial class RunDetail
{
    /// <summary>The run id from the route.</summary>
    [Parameter]
    public string Id { get; set; } = "";

    [Inject]
    private RunIndex Index { get; set; } = default!;

    [Inject]
    private RunEventNotifier Notifier { get; set; } = default!;

    [Inject]
    private ModelSummaryProvider Summaries { get; set; } = default!;

    /// <summary>The indexed run, or null.</summary>
    public RunRecord? Record { get; private set; }

    /// <summary>Per-batch losses read from the run folder.</summary>
    public IReadOnlyList<(double Step, double Loss)> BatchLosses { get; private set; } = [];

    /// <summary>True when the notifier has events for this run.</summary>
    public bool IsLive { get; private set; }

    /// <summary>What the run folder holds beyond the index row.</summary>
    public RunDetailData Detail { get; private set; } = RunDetailData.Empty;

    /// <summary>The evaluation section, when evaluation.json exists.</summary>
    public EvaluationView? Evaluation { get; private set; }

    /// <summary>The layer table of the run's model, when the model is known.</summary>
    public ModelSummary? Summary { get; private set; }

    private string CompareHref => $"compare?runs={Uri.EscapeDataString(Id)}";

    /// <inheritdoc />
    protected override Task OnParametersSetAsync() => LoadAsync();

    // A run that ends while the page is open has written its evaluation and final run.json: read the folder again.
    private async Task OnRunEndedAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        var record = await Index.GetAsync(Id);
        IsLive = Notifier.Log.LastSeq(Id) > 0;
        if (record is null)
        {
            (Record, BatchLosses, Detail, Evaluation, Summary) = (null, [], RunDetailData.Empty, null, null);
            return;
        }

        // Folder reads and the one-off model build are blocking work; keep them off the circuit's thread. Everything is
        // assigned together afterwards, because the live view seeds itself once, from its first parameters.
        var (losses, detail) = await Task.Run(() => (RunFolder.ReadBatchLosses(record.Directory), RunDetailReader.Read(record.Directory, record.ConfigJson, record.BestEpoch)));
        (Record, BatchLosses, Detail, Summary) = (record, losses, detail, null);
        Evaluation = detail.Evaluation is { } e ? EvaluationView.Create(Id, e) : null;
        // The first layer table loads LibTorch and builds the network (seconds on a cold start): show the rest first.
        StateHasChanged();
        Summary = await Task.Run(() => Summaries.Get(record.Model));
    }
}
