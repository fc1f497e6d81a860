using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Groups;
using Hw4.Dashboard.Store;
using Hw4.Ml.Evaluation;
using RunDirectory = Hw4.Ml.Runs.RunDirectory;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Components.Pages.Compare;

/// <summary>
/// Compares the runs named in <c>?runs=a,b,…</c>: overlaid losses, a metrics table, per-class accuracy deltas against the
/// first run and the confusion difference of the first two. Changing the selection rewrites the URL, so a comparison
/// can be shared by its address (by an admin) or by a share link (read-only: no picker, no links to the runs).
/// </summary>
[SharedView(Features.Sharing.ShareKind.Compare)]
public sealed partial class Compare
{
    [Inject]
    private RunIndex Index { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    [Inject]
    private IOptions<Hw4Options> Options { get; set; } = default!;

    [Inject]
    private Features.Runs.Live.RunMetricsCache Metrics { get; set; } = default!;

    /// <summary>What the user may do here.</summary>
    public AccessGrant Grant { get; private set; } = AccessGrant.Nobody;

    /// <summary>The <c>runs</c> query value: comma-separated run ids, the first one the baseline.</summary>
    [SupplyParameterFromQuery(Name = "runs")]
    public string? RunsQuery { get; set; }

    /// <summary>Runs that can be picked.</summary>
    public IReadOnlyList<RunRow> AllRuns { get; private set; } = [];

    /// <summary>The picked run ids, in selection order.</summary>
    public IReadOnlyList<string> SelectedIds { get; private set; } = [];

    /// <summary>Ids in the address that name no run (mistyped, or deleted since the link was made).</summary>
    public IReadOnlyList<string> UnknownIds { get; private set; } = [];

    /// <summary>Chart, tables and heatmap of the picked runs.</summary>
    public CompareModel Model { get; private set; } = CompareModel.Create([]);

    /// <summary>The compared runs' seed groups and the paired test of a compared CNN against a compared residual.</summary>
    public CompareGroups Seeds { get; private set; } = CompareGroups.None;

    /// <summary>The newest finished CNN and residual runs, when both exist.</summary>
    public (string Cnn, string Residual)? LatestPair { get; private set; }

    // The runs of the current comparison, for its export link (the model's rows, so unknown ids are left out).
    private IReadOnlyList<string> ComparedIds => Model.Rows.Select(r => r.Id).ToList();

    // One set per selection: a fresh set on every render would look like a new value to the select.
    private IReadOnlyCollection<string> SelectedSet { get; set; } = new HashSet<string>();

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        Grant = await Access.GetAsync();
        // A viewer's picker is hidden, and the other runs' ids are not even loaded.
        if (!Grant.IsAdmin)
            return;
        // Only training runs: a denoising run has no epochs, accuracy or confusion to compare.
        AllRuns = [.. (await Index.ListAsync()).Where(r => r.Kind == Hw4.Ml.Runs.RunKinds.Train)];
        LatestPair = RunPairPicker.LatestCnnVsResidual(AllRuns);
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        var ids = CompareSelection.Parse(RunsQuery).Where(id => Grant.IsAdmin || Grant.CanFollowRun(id)).ToList();
        if (ids.SequenceEqual(SelectedIds) && Model.Key == string.Join("|", ids))
            return;
        SelectedIds = ids;
        SelectedSet = ids.ToHashSet();
        var runs = new List<RunRow>();
        var unknown = new List<string>();
        foreach (var id in ids)
        {
            if (await Index.GetAsync(id) is { } run)
                runs.Add(run);
            else
                unknown.Add(id);
        }

        UnknownIds = unknown;

        // The folders are read in place (the batch metrics from the cache after the prerender read them): awaiting the
        // reads would give the circuit's first render an empty comparison, replacing the prerendered one meanwhile.
        Model = CompareModel.Create(runs, ReadEvaluations(Options.Value, runs), ReadBatches(Options.Value, runs, Metrics));
        // A viewer's groups are made of the runs it may see: the compared ones.
        var pool = Grant.IsAdmin ? AllRuns : runs;
        Seeds = CompareGroups.Read(Options.Value, runs, pool);
    }

    private void OnSelectionChanged(IEnumerable<string?>? ids) =>
        Select(CompareSelection.Merge(SelectedIds, (ids ?? []).OfType<string>()));

    private void SelectLatestPair()
    {
        if (LatestPair is { } pair)
            Select([pair.Cnn, pair.Residual]);
    }

    // The URL is the state: navigating re-runs OnParametersSetAsync with the new query.
    private void Select(IReadOnlyList<string> ids) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("runs", CompareSelection.Format(ids)));

    // A run without (or with a damaged) evaluation.json is still compared on its curves.
    private static Dictionary<string, EvaluationSummary> ReadEvaluations(Hw4Options options, IEnumerable<RunRow> runs)
    {
        var result = new Dictionary<string, EvaluationSummary>();
        foreach (var run in runs)
        {
            try
            {
                var folder = RunStorePaths.RunFolder(options, run.Id);
                if (Directory.Exists(folder) && RunDirectory.Open(folder, options.RunFiles).ReadEvaluation() is { } e)
                    result[run.Id] = e;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                // Shown as "no evaluation" for that run.
            }
        }

        return result;
    }

    // Each run's batch losses as its run page draws them (a resume's void batches left out), from its metrics.jsonl.
    private static Dictionary<string, IReadOnlyList<Features.Charts.BatchLossPoint>> ReadBatches(
        Hw4Options options, IEnumerable<RunRow> runs, Features.Runs.Live.RunMetricsCache metrics)
    {
        var result = new Dictionary<string, IReadOnlyList<Features.Charts.BatchLossPoint>>();
        foreach (var run in runs)
        {
            if (Features.Runs.Live.RunHistory.Read(RunStorePaths.ArtifactsDir(options), run.Id, metrics) is not { } events)
                continue;
            var state = new Features.Runs.Live.RunLiveState(run.Id, awaitHistory: true);
            state.SeedHistory(events);
            result[run.Id] = state.BatchLoss.Batches;
        }

        return result;
    }

    private static string DeltaText(double? delta) => delta is { } d ? Features.Charts.ConfusionHeatmap.FormatPoints(d) : "–";

    private static string DeltaStyle(double? delta) => delta switch
    {
        > 0 => "color:var(--mud-palette-success);text-align:right",
        < 0 => "color:var(--mud-palette-error);text-align:right",
        _ => "text-align:right",
    };
}
