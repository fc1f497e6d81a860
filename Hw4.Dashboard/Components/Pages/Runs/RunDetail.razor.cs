using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Runs.Detail;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Models;
using Hw4.Ml.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Hw4.Dashboard.Features.Models;

namespace Hw4.Dashboard.Components.Pages.Runs;

/// <summary>
/// One run, read from its folder (the run's own files, not the index, so the page is never behind them): config,
/// model summary, checkpoints, evaluation and divergence, plus live events while it is active. A folder that cannot be
/// read shows as "unreadable" with the reason. A viewer with a link to this run sees it read-only: no controls, no
/// Compare or Share, checkpoints only when the link allows them.
/// </summary>
[SharedView(Features.Sharing.ShareKind.Run)]
[Charts.LoadsPlotlyWithPage]
public sealed partial class RunDetail
{
    /// <summary>The run id from the route.</summary>
    [Parameter]
    public string Id { get; set; } = "";

    [Inject]
    private RunRepository Runs { get; set; } = default!;

    [Inject]
    private RunEventNotifier Notifier { get; set; } = default!;

    [Inject]
    private ModelSummaryProvider Summaries { get; set; } = default!;

    [Inject]
    private Features.Runs.Live.RunMetricsCache Metrics { get; set; } = default!;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    // Set while the page is prerendered for a request: an unknown run answers 404, not 200.
    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    /// <summary>What the user may do here.</summary>
    public AccessGrant Grant { get; private set; } = AccessGrant.Nobody;

    /// <summary>The run's folder as read, or null when there is no such run.</summary>
    public RunSummary? Run { get; private set; }

    /// <summary>True once the folder was looked for (until then the page cannot say there is no such run).</summary>
    public bool Loaded { get; private set; }

    /// <summary>True when the notifier has events for this run.</summary>
    public bool IsLive { get; private set; }

    /// <summary>What the run folder holds beyond the summary.</summary>
    public RunDetailData Detail { get; private set; } = RunDetailData.Empty;

    /// <summary>The evaluation section, when evaluation.json exists.</summary>
    public EvaluationView? Evaluation { get; private set; }

    /// <summary>The layer table of the run's model, when the model is known.</summary>
    public ModelSummary? Summary { get; private set; }

    /// <summary>The run's readable name (the id until the folder was read, or for a run that is not there).</summary>
    public string Title { get; private set; } = "";

    private string? DefaultName => RunName.Default(Run?.Record);

    /// <summary>"unreadable: reason" for a damaged folder; null otherwise.</summary>
    public string? Unreadable => Run?.Problem is { } p ? $"{RunSummary.Unreadable}: {p}" : null;

    private string? ModelName => Run?.Record?.Config?.Model.ToString().ToLowerInvariant();

    /// <summary>True for a denoising run: its page shows <c>DenoiseRunView</c> instead of the training sections.</summary>
    public bool IsDenoise => Run?.Record?.Kind == RunKinds.Denoise;

    private IReadOnlyList<string> ExportIds => [Id];

    // The PyTorch export is a checkpoint: offered only where checkpoints may be downloaded (an admin, or a link that allows them).
    private bool HasCheckpoint => Grant.CanDownloadCheckpoints(Id) && Detail.Checkpoints.Any(c => c.Name.StartsWith("model_", StringComparison.Ordinal));

    // The model as the UI spells it (CNN), or the run's kind where it has no model (a denoise run).
    private string ModelChip => Run?.Record is { Kind: Hw4.Ml.Runs.RunKinds.Train, Config: { } config }
        ? Features.Models.ModelDisplayName.Of(config.Model)
        : Run?.Record?.Kind ?? "?";

    private string CompareHref => $"compare?runs={Uri.EscapeDataString(Id)}";

    // The URL App.razor's head script and Hw4's Plotly.Blazor interop load it from (fingerprinted): on a page load the
    // preload is that script's own request; after navigating here inside the app it starts the download with the page.
    private string PlotlyBundlePath => Assets[Hw4.Dashboard.Hosting.PlotlyBundle.CartesianBundlePath.TrimStart('/')];

    /// <inheritdoc />
    protected override Task OnParametersSetAsync() => LoadAsync();

    private void OnRenamed(string name) => Title = name;

    // A run that ends while the page is open has written its evaluation and final run.json: read the folder again.
    private async Task OnRunEndedAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        if (Run?.Id != Id)
            Title = Id;
        var dir = Runs.TryOpen(Id);
        // Decided before the first await, while the response has not started (the page streams after it).
        if (dir is null && Notifier.Log.LastSeq(Id) == 0 && HttpContext is { Response.HasStarted: false } http)
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        Grant = await Access.GetAsync();
        IsLive = Grant.CanViewRun(Id) && Notifier.Log.LastSeq(Id) > 0;
        if (!Grant.CanViewRun(Id) || dir is null)
        {
            (Run, Detail, Evaluation, Summary, Title) = (null, RunDetailData.Empty, null, null, Id);
            Loaded = true;
            return;
        }

        // The folder is read in place (its metrics come from the cache after the prerender read them): awaiting it would
        // give the circuit's first render an empty page, replacing the prerendered one until the read completes.
        // Everything is assigned together, because the live view seeds itself from its parameters.
        var limits = Runs.Limits;
        var run = RunDirectoryReader.Read(dir.Path, Metrics.Read, limits);
        var detail = RunDetailReader.Read(dir.Path, dir.ReadRunText(), run.Best?.Epoch, limits);
        (Run, Detail, Title) = (run, detail, RunName.Of(run));
        Loaded = true;
        Evaluation = detail.Evaluation is { } e ? EvaluationView.Create(Id, e) : null;
        Summary = Summaries.Computed(ModelName);
        if (Summary is not null || ModelName is null)
            return;
        // The first layer table loads LibTorch and builds the network (seconds on a cold start): show the rest first.
        StateHasChanged();
        Summary = await Task.Run(() => Summaries.Get(ModelName));
    }
}
