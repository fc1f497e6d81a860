using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Components.Runs;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Groups;
using Hw4.Dashboard.Features.Runs.List;
using Hw4.Dashboard.Store;
using Hw4.Dashboard.Features.Training;
using Hw4.Ml.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using Hw4.Dashboard.Features.Access;

namespace Hw4.Dashboard.Components.Pages.Runs;

/// <summary>
/// The runs list from the index: filter, sort (<see cref="RunListQuery"/>), delete after a confirmation; reloads when
/// the updater rewrites a run, and can rebuild the index. Filter and sort live in the address (<c>?q=&amp;status=&amp;
/// model=&amp;host=&amp;sort=&amp;dir=</c>): each change is a history entry, so reload, Back and a shared link show the same list.
/// </summary>
public sealed partial class Runs : IDisposable
{
    // Every column is sortable. The Run column shows the name, the id under it and the tags; Status its chip; the rest
    // a figure (a dash where a run has none, which the phone's cards leave out). Training figures show for training
    // runs, denoising figures for denoising runs, so the table fits a laptop screen with its buttons in view.
    private static readonly ListColumn RunColumn = new(RunSortColumn.Id, "Run", "the run's name (id under it)", null, ColumnKinds.Both);
    private static readonly ListColumn ModelColumn = new(RunSortColumn.Model, "Model", null, RunListFormat.What, ColumnKinds.Train);
    private static readonly ListColumn StatusColumn = new(RunSortColumn.Status, "Status", null, null, ColumnKinds.Both);
    private static readonly IReadOnlyList<ListColumn> FigureColumns =
    [
        new(RunSortColumn.BestValLoss, "Val loss", "lowest validation loss", RunListFormat.BestValLoss, ColumnKinds.Train),
        new(RunSortColumn.TestAccuracy, "Test acc", "test accuracy", RunListFormat.TestAccuracy, ColumnKinds.Train),
        new(RunSortColumn.Norm, "Norm", null, RunListFormat.Norm, ColumnKinds.Denoise, "cell-norm"),
        new(RunSortColumn.Alpha, "α", null, RunListFormat.Alpha, ColumnKinds.Denoise, "cell-alpha"),
        new(RunSortColumn.LearningRate, "lr", "learning rate (τ for primal-dual)", RunListFormat.DenoiseLr, ColumnKinds.Denoise, "cell-lr"),
        new(RunSortColumn.Psnr, "PSNR", "PSNR of the output (dB)", RunListFormat.Psnr, ColumnKinds.Denoise | ColumnKinds.InAll, "cell-psnr"),
        new(RunSortColumn.Epochs, "Epochs", "epochs done / planned", RunListFormat.Epochs, ColumnKinds.Train, "cell-epochs"),
        new(RunSortColumn.Steps, "Steps", "steps done / planned", RunListFormat.Steps, ColumnKinds.Denoise, "cell-steps"),
    ];

    private static readonly ListColumn CreatedColumn = new(RunSortColumn.Created, "Created", null, RunListFormat.Created, ColumnKinds.Both);
    private static readonly ListColumn HostColumn = new(RunSortColumn.Host, "Host", "the host that trained it", RunListFormat.Host, ColumnKinds.Both, "cell-host");

    [Inject]
    private RunIndex Index { get; set; } = default!;

    [Inject]
    private RunIndexUpdater Updater { get; set; } = default!;

    [Inject]
    private RunDeleter Deleter { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private RunStopper Stopper { get; set; } = default!;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    [Inject]
    private IOptions<Hw4Options> Options { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The <c>q</c> query value: the free-text filter.</summary>
    [SupplyParameterFromQuery(Name = "q")]
    public string? TextQuery { get; set; }

    /// <summary>The <c>status</c> query value.</summary>
    [SupplyParameterFromQuery(Name = "status")]
    public string? StatusQuery { get; set; }

    /// <summary>The <c>kind</c> query value: <c>train</c> or <c>denoise</c>.</summary>
    [SupplyParameterFromQuery(Name = "kind")]
    public string? KindQuery { get; set; }

    /// <summary>The <c>model</c> query value.</summary>
    [SupplyParameterFromQuery(Name = "model")]
    public string? ModelQuery { get; set; }

    /// <summary>The <c>host</c> query value: the host that trained the run.</summary>
    [SupplyParameterFromQuery(Name = "host")]
    public string? HostQuery { get; set; }

    /// <summary>The <c>sort</c> query value: a column name.</summary>
    [SupplyParameterFromQuery(Name = "sort")]
    public string? SortQuery { get; set; }

    /// <summary>The <c>dir</c> query value: <c>asc</c> or <c>desc</c>.</summary>
    [SupplyParameterFromQuery(Name = "dir")]
    public string? DirectionQuery { get; set; }

    /// <summary>The filters and sort order, as the address says.</summary>
    public RunListQuery Query { get; private set; } = new();

    /// <summary>Every indexed run.</summary>
    public IReadOnlyList<RunRow> All { get; private set; } = [];

    /// <summary>Completed runs of one recipe that differ only in seed.</summary>
    public SeedGroups Groups { get; private set; } = SeedGroups.Of([]);

    /// <summary>The runs shown (filtered and sorted).</summary>
    public IReadOnlyList<RunRow> Items { get; private set; } = [];

    /// <summary>The statuses offered by the status filter.</summary>
    public IReadOnlyList<string> Statuses { get; private set; } = [];

    /// <summary>The models offered by the model filter.</summary>
    public IReadOnlyList<string> Models { get; private set; } = [];

    /// <summary>The hosts offered by the host filter.</summary>
    public IReadOnlyList<string> Hosts { get; private set; } = [];

    /// <summary>A note after a reindex or a delete.</summary>
    public string? Message { get; private set; }

    /// <summary>How the note is shown (an error when a delete was refused or failed).</summary>
    public Severity MessageSeverity { get; private set; } = Severity.Info;

    // The columns of the kind shown: all kinds (training columns and PSNR), training, or denoising. The host only when
    // runs come from more than one host (or the list is filtered by one).
    private IReadOnlyList<ListColumn> Columns
    {
        get
        {
            var shown = Query.Kind switch
            {
                RunKinds.Train => ColumnKinds.Train,
                RunKinds.Denoise => ColumnKinds.Denoise,
                _ => ColumnKinds.InAll,
            };
            // In the list of all kinds a denoising figure shows only once there are denoising runs to show it for.
            var anyDenoise = All.Any(r => r.Kind == RunKinds.Denoise);
            bool Shows(ListColumn c) => shown == ColumnKinds.InAll
                ? c.Kinds.HasFlag(ColumnKinds.Train) || (anyDenoise && c.Kinds.HasFlag(ColumnKinds.InAll))
                : c.Kinds.HasFlag(shown);
            List<ListColumn> columns = [RunColumn, .. new[] { ModelColumn, StatusColumn }.Concat(FigureColumns).Where(Shows), CreatedColumn];
            if (Hosts.Count > 1 || Query.Host is not null)
                columns.Add(HostColumn);
            return columns;
        }
    }

    private bool ShowTrainColumns => Query.Kind != RunKinds.Denoise;

    /// <summary>The ids ticked for Compare (training runs only: a denoising run has no curves or accuracy to compare).</summary>
    public IReadOnlySet<string> Selected => _selected;

    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);

    private static Color DivergedColor => RunStatusStyle.Color(Hw4.Ml.Lifecycle.RunStatus.Diverged);

    private static bool IsSelectable(RunRow run) => run.Kind == RunKinds.Train;

    private int SelectableCount => Items.Count(IsSelectable);

    private string CompareHref =>
        $"compare?runs={string.Join(',', Items.Where(r => _selected.Contains(r.Id)).Select(r => Uri.EscapeDataString(r.Id)))}";

    private string SelectionHint => _selected.Count switch
    {
        0 => "Tick two or more training runs to compare them.",
        1 => "Tick one more.",
        _ => "",
    };

    private void ToggleSelected(RunRow run, bool on)
    {
        if (on)
            _selected.Add(run.Id);
        else
            _selected.Remove(run.Id);
    }

    private static IReadOnlyList<string> Kinds { get; } = [RunKinds.Train, RunKinds.Denoise];

    private bool Busy { get; set; }

    private string ArtifactsDir => RunStorePaths.ArtifactsDir(Options.Value);

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        Updater.Changed += OnRunChanged;
        await ReloadAsync();
    }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        Query = RunListQuery.FromAddress(TextQuery, StatusQuery, ModelQuery, SortQuery, DirectionQuery, KindQuery, HostQuery);
        Refresh();
    }

    /// <summary>Sorts by a column (again: flips the direction).</summary>
    public void SortBy(RunSortColumn column)
    {
        Query.SortBy(column);
        Go();
    }

    /// <summary>Asks for confirmation, then deletes the run and reports the outcome.</summary>
    public async Task ConfirmDeleteAsync(RunRow run)
    {
        if (await RefusedAsync())
            return;
        var parameters = new DialogParameters<ConfirmDeleteDialog>
        {
            { d => d.RunId, run.Id },
            { d => d.Folder, RunStorePaths.RunFolder(Options.Value, run.Id) },
        };
        var dialog = await Dialogs.ShowAsync<ConfirmDeleteDialog>($"Delete {run.Id}", parameters);
        var answer = await dialog.Result;
        if (answer is null || answer.Canceled)
            return;

        Busy = true;
        try
        {
            var outcome = await Deleter.DeleteAsync(run.Id);
            Message = outcome.Message;
            MessageSeverity = outcome.Deleted ? Severity.Success : Severity.Error;
            await ReloadAsync();
        }
        finally
        {
            Busy = false;
        }
    }

    private string SortIcon(RunSortColumn column) =>
        column != Query.SortColumn ? Icons.Material.Filled.UnfoldMore
        : Query.Descending ? Icons.Material.Filled.ArrowDownward : Icons.Material.Filled.ArrowUpward;

    // aria-sort on the sorted column's header only, as the ARIA practices advise.
    private string? AriaSort(RunSortColumn column) =>
        column != Query.SortColumn ? null : Query.Descending ? "descending" : "ascending";

    private void OnTextChanged(string? text)
    {
        Query.Text = text;
        Go();
    }

    private void OnStatusChanged(string? status)
    {
        Query.Status = string.IsNullOrEmpty(status) ? null : status;
        Go();
    }

    private void OnKindChanged(string? kind)
    {
        Query.Kind = string.IsNullOrEmpty(kind) ? null : kind;
        Go();
    }

    /// <summary>Stops a queued, running or interrupted run and says what happened beside the list.</summary>
    public async Task StopAsync(RunRow run)
    {
        if (await RefusedAsync())
            return;
        var result = Stopper.Stop(run.Id);
        Message = result.Message;
        MessageSeverity = result.IsAccepted ? Severity.Info : Severity.Warning;
        await ReloadAsync();
    }

    private void OnModelChanged(string? model)
    {
        Query.Model = string.IsNullOrEmpty(model) ? null : model;
        Go();
    }

    private void OnHostChanged(string? host)
    {
        Query.Host = string.IsNullOrEmpty(host) ? null : host;
        Go();
    }

    // The address is the state: navigating re-runs OnParametersSet with the new query, which re-filters.
    private void Go()
    {
        Refresh();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(Query.ToAddress()));
    }

    private void FilterByTag(string tag) => OnTextChanged(tag);

    private void ClearMessage() => Message = null;

    private async Task ReindexAsync()
    {
        if (await RefusedAsync())
            return;
        Busy = true;
        try
        {
            var count = await Index.RebuildAsync(ArtifactsDir);
            Message = $"Indexed {count} run(s).";
            MessageSeverity = Severity.Info;
            await ReloadAsync();
        }
        finally
        {
            Busy = false;
        }
    }

    private async Task ReloadAsync()
    {
        All = await Index.ListAsync();
        Groups = SeedGroups.Of(All);
        Statuses = RunListQuery.StatusesOf(All);
        Models = RunListQuery.ModelsOf(All);
        Hosts = RunListQuery.HostsOf(All);
        Refresh();
    }

    private void Refresh()
    {
        Items = Query.Apply(All);
        // A ticked run that was deleted, or filtered away, is no longer offered to Compare.
        _selected.IntersectWith(Items.Where(IsSelectable).Select(r => r.Id));
    }

    // Mean ± std of test accuracy over the run's seed group, with how many seeds, when it has two or more.
    private string? SeedGroupText(RunRow run) =>
        Groups.AccuracyOf(run.Id) is { } spread ? $"{Features.Report.ReportText.MeanStd(spread)} ({spread.Count} seeds)" : null;

    // Compare opens the group's runs, with their per-class mean ± std.
    private string SeedGroupLink(RunRow run) => $"compare?runs={string.Join(",", Groups.GroupOf(run.Id).Select(r => r.Id))}";

    // The page is admin-only (AccessGate); this is the server-side check behind its buttons.
    private async Task<bool> RefusedAsync()
    {
        if (await Access.IsAdminAsync())
            return false;
        (Message, MessageSeverity) = (IHw4Access.NotAdminMessage, Severity.Error);
        return true;
    }

    private void OnRunChanged(string runId) => _ = InvokeAsync(async () =>
    {
        await ReloadAsync();
        StateHasChanged();
    });

    /// <inheritdoc />
    public void Dispose() => Updater.Changed -= OnRunChanged;

    /// <summary>Which list a column belongs to.</summary>
    [Flags]
    private enum ColumnKinds
    {
        Train = 1,
        Denoise = 2,
        Both = Train | Denoise,

        /// <summary>A denoising column shown in the list of all kinds too (PSNR, the denoising runs' one figure).</summary>
        InAll = 4,
    }

    /// <summary>One column: its sort key, header (with a longer hint for the tooltip), cell text and the kinds it belongs to.</summary>
    private sealed record ListColumn(RunSortColumn Column, string Title, string? Hint, Func<RunRow, string>? Cell, ColumnKinds Kinds, string? CellTestId = null);
}
