using System.Globalization;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Models;
using Hw4.Dashboard.Features.Report;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Hw4.Dashboard.Components.Pages.Report;

/// <summary>
/// The homework report page: each part's run, picked in the page (kept in the address as <c>?cnn=ID&amp;l1=ID…</c>,
/// the keys of <see cref="ReportParts.Key"/>) or the default pick, marked where it is not the homework's settings; the
/// CNN's and residual's seed groups; one button that queues a run of the homework's settings for each part that has
/// none, one that queues N seeds of both models; and the report to open or download as HTML or PDF. The list refreshes
/// as runs finish (events from <see cref="RunEventNotifier"/>). Admin only, like every page without <c>[SharedView]</c>.
/// </summary>
public sealed partial class Report : IDisposable
{
    /// <summary>The most seeds one click queues per model.</summary>
    public const int MaxSeeds = 10;

    // Parts queued from this page and their runs, so a second click does not queue them twice.
    private readonly Dictionary<ReportPart, string> _queued = [];
    private RunSubscription? _subscription;
    private IReadOnlyDictionary<ReportPart, string>? _applied;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    [Inject]
    private ReportRunQueuer Queuer { get; set; } = default!;

    [Inject]
    private RunEventNotifier Notifier { get; set; } = default!;

    [Inject]
    private IOptions<Hw4Options> Options { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary><c>?l1=</c>: the run of <see cref="ReportPart.GdL1"/>.</summary>
    [SupplyParameterFromQuery(Name = "l1")]
    public string? GdL1 { get; set; }

    /// <summary><c>?l2=</c>.</summary>
    [SupplyParameterFromQuery(Name = "l2")]
    public string? GdL2 { get; set; }

    /// <summary><c>?seed-l1=</c>.</summary>
    [SupplyParameterFromQuery(Name = "seed-l1")]
    public string? SeedL1 { get; set; }

    /// <summary><c>?seed-l2=</c>.</summary>
    [SupplyParameterFromQuery(Name = "seed-l2")]
    public string? SeedL2 { get; set; }

    /// <summary><c>?primal-dual-l1=</c>.</summary>
    [SupplyParameterFromQuery(Name = "primal-dual-l1")]
    public string? PrimalDualL1 { get; set; }

    /// <summary><c>?primal-dual-l2=</c>.</summary>
    [SupplyParameterFromQuery(Name = "primal-dual-l2")]
    public string? PrimalDualL2 { get; set; }

    /// <summary><c>?cnn=</c>.</summary>
    [SupplyParameterFromQuery(Name = "cnn")]
    public string? Cnn { get; set; }

    /// <summary><c>?residual=</c>.</summary>
    [SupplyParameterFromQuery(Name = "residual")]
    public string? Residual { get; set; }

    /// <summary>Each part and its run.</summary>
    public IReadOnlyList<ReportPartRow> Rows { get; private set; } = [];

    /// <summary>The CNN's and residual's seed groups, one line each.</summary>
    public IReadOnlyList<string> GroupLines { get; private set; } = [];

    /// <summary>The last action's result or the reason it failed.</summary>
    public string? Message { get; private set; }

    /// <summary>How many seeds "queue seeds" makes sure each model has.</summary>
    public int SeedCount { get; set; } = 3;

    private Severity MessageSeverity { get; set; } = Severity.Info;

    private bool Busy { get; set; }

    // The runs the report is made of now, and their seed groups: what a report share link names.
    private IReadOnlyList<string> ShareIds { get; set; } = [];

    private IReadOnlyDictionary<ReportPart, string> Selection => new Dictionary<ReportPart, string?>
    {
        [ReportPart.GdL1] = GdL1, [ReportPart.GdL2] = GdL2, [ReportPart.SeedL1] = SeedL1, [ReportPart.SeedL2] = SeedL2,
        [ReportPart.PrimalDualL1] = PrimalDualL1, [ReportPart.PrimalDualL2] = PrimalDualL2, [ReportPart.Cnn] = Cnn, [ReportPart.Residual] = Residual,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value!);

    // The parts with no run of the homework's settings, and none queued from here.
    private IReadOnlyList<ReportPart> Missing { get; set; } = [];

    private bool HasMissing => Missing.Count > 0;

    private string QueueLabel => $"Queue the missing runs ({Missing.Count})";

    private string SeedsLabel => $"Queue seeds 0–{SeedCount - 1} of both models";

    private IReadOnlyDictionary<ReportPart, string> Chosen => Rows.Where(r => r.RunId is not null && r.Asked).ToDictionary(r => r.Part, r => r.RunId!);

    private string OpenUrl => ReportEndpoints.Url("html", download: false, Chosen);

    private string HtmlUrl => ReportEndpoints.Url("html", selection: Chosen);

    private string PdfUrl => ReportEndpoints.Url("pdf", selection: Chosen);

    /// <inheritdoc />
    protected override void OnInitialized() => _subscription = Notifier.SubscribeAll(OnRunEvent);

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        var selection = Selection;
        if (_applied is not null && _applied.Count == selection.Count && !_applied.Except(selection).Any())
            return;
        _applied = selection;
        // Read in place: awaiting the folders would give the circuit's first render an empty report page, replacing
        // the prerendered one until the read completes.
        Apply(Read(ArtifactsDir, selection, Options.Value.RunFiles));
    }

    /// <summary>Queues a run of the homework's settings for each part that has none; says which runs were queued, or why not.</summary>
    public async Task QueueMissingAsync()
    {
        if (!await Access.IsAdminAsync())
        {
            (Message, MessageSeverity) = (IHw4Access.NotAdminMessage, Severity.Error);
            return;
        }

        await RunAsync(() =>
        {
            var parts = Missing.ToList();
            var (ids, error) = Queuer.QueueParts(parts);
            for (var i = 0; i < ids.Count; i++)
                _queued[parts[i]] = ids[i];
            Missing = [.. Missing.Where(p => !_queued.ContainsKey(p))];
            Rows = [.. Rows.Select(r => r with { QueuedId = _queued.GetValueOrDefault(r.Part) })];
            return error is null
                ? ($"Queued {string.Join(", ", ids)} with the homework's settings; the report fills in as they finish.", Severity.Success)
                : ($"{(ids.Count > 0 ? $"Queued {string.Join(", ", ids)}; " : "")}{error}", Severity.Error);
        });
    }

    /// <summary>Queues the homework's recipe of both models for each seed of 0 … N − 1 that has no such run yet.</summary>
    public async Task QueueSeedsAsync()
    {
        if (!await Access.IsAdminAsync())
        {
            (Message, MessageSeverity) = (IHw4Access.NotAdminMessage, Severity.Error);
            return;
        }

        if (SeedCount is < 1 or > MaxSeeds)
        {
            (Message, MessageSeverity) = ($"Seeds per model must be between 1 and {MaxSeeds} (got {SeedCount}).", Severity.Error);
            return;
        }

        await RunAsync(() =>
        {
            var runs = ReportRuns.Read(ArtifactsDir, limits: Options.Value.RunFiles);
            var (ids, there, error) = Queuer.QueueSeeds(runs, SeedCount);
            var done = there > 0 ? $" {there} of the {2 * SeedCount} already had a run of the recipe." : "";
            return error is not null
                ? ($"{(ids.Count > 0 ? $"Queued {string.Join(", ", ids)}; " : "")}{error}", Severity.Error)
                : ids.Count == 0
                    ? ($"Nothing to queue: both models have a run of the homework's recipe for each of seeds 0–{SeedCount - 1}.", Severity.Info)
                    : ($"Queued {ids.Count} runs of the homework's recipe: {string.Join(", ", ids)}.{done}", Severity.Success);
        });
    }

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();

    private string ArtifactsDir => RunStorePaths.ArtifactsDir(Options.Value);

    private async Task RunAsync(Func<(string Text, Severity Severity)> action)
    {
        Busy = true;
        try
        {
            (Message, MessageSeverity) = await Task.Run(action);
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            // The trainer's own validation, or an artifacts folder that cannot be written: say so where the user pressed.
            (Message, MessageSeverity) = (e.Message, Severity.Error);
        }
        finally
        {
            Busy = false;
        }
    }

    private void OnRunEvent(RunEventEnvelope envelope)
    {
        if (envelope.Event is RunEnded or Evaluated)
            _ = InvokeAsync(async () =>
            {
                await RefreshAsync();
                StateHasChanged();
            });
    }

    // The address is the state: a pick navigates, and OnParametersSetAsync reads the new choice.
    private Task PickAsync(ReportPart part, string? value)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(ReportParts.Key(part), string.IsNullOrEmpty(value) ? null : value));
        return Task.CompletedTask;
    }

    // After a run event: the folders are read off the circuit's thread.
    private async Task RefreshAsync()
    {
        var selection = _applied ?? Selection;
        Apply(await Task.Run(() => Read(ArtifactsDir, selection, Options.Value.RunFiles)));
    }

    private void Apply(ReportPageData read)
    {
        var (rows, groups, share, problems) = read;
        // A part queued from here is done once it has a run of the homework's settings.
        foreach (var (row, _) in rows.Where(r => r.HasHomeworkRun))
            _queued.Remove(row.Part);
        Rows = [.. rows.Select(r => r.Row with { QueuedId = _queued.GetValueOrDefault(r.Row.Part) })];
        Missing = [.. rows.Where(r => !r.HasHomeworkRun && !_queued.ContainsKey(r.Row.Part)).Select(r => r.Row.Part)];
        GroupLines = groups;
        ShareIds = share;
        if (problems.Count > 0)
            (Message, MessageSeverity) = ($"{string.Join(" ", problems)} The part shows its default pick instead.", Severity.Warning);
    }

    private static ReportPageData Read(
        string artifactsDir, IReadOnlyDictionary<ReportPart, string> selection, RunFileLimits limits)
    {
        var runs = ReportRuns.Read(artifactsDir, limits: limits);
        var rows = new List<(ReportPartRow, bool)>();
        var problems = new List<string>();
        var groups = new List<string>();
        var share = new List<string>();
        foreach (var part in ReportParts.All)
        {
            var asked = selection.GetValueOrDefault(part);
            ReportChoice choice;
            try
            {
                choice = runs.Choose(part, asked);
            }
            catch (Features.Export.ExportInputException e)
            {
                problems.Add($"{ReportParts.Title(part)}: {e.Message}");
                (choice, asked) = (runs.Choose(part, null), null);
            }

            var options = choice.Candidates.Select(c => (c.Id, Label(c, part))).ToList();
            rows.Add((new ReportPartRow(part, choice.RunId, asked is not null, choice.Differences, options), choice.HasHomeworkRun));
            if (choice.Run is not { } run)
                continue;
            share.Add(run.Id);
            if (ReportParts.IsDenoise(part))
                continue;
            var group = runs.SeedGroup(run);
            share.AddRange(group.Select(g => g.Id));
            if (group.Count > 0)
            {
                var spread = MeanStd.Of(group.Select(g => g.TestAccuracy!.Value));
                groups.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{ModelDisplayName.Of(ReportParts.Model(part))}: {group.Count} {(group.Count == 1 ? "run" : "runs")} of this run's recipe (seeds {string.Join(", ", group.Select(g => g.Record!.TrainingConfig().Seed))}), test accuracy {ReportText.MeanStd(spread)}{(group.Count == 1 ? "; queue more seeds for a spread" : " (mean ± std)")}."));
            }
        }

        return new(rows, groups, share.Distinct(StringComparer.Ordinal).ToList(), problems);
    }

    // What the page shows of the artifacts folder: a row per part (and whether it has a run of the homework's settings),
    // the seed-group lines, the runs a share link covers, and the selections that could not be honoured.
    private sealed record ReportPageData(
        IReadOnlyList<(ReportPartRow Row, bool HasHomeworkRun)> Rows, IReadOnlyList<string> Groups, IReadOnlyList<string> Share, IReadOnlyList<string> Problems);

    private static string Label(RunSummary run, ReportPart part)
    {
        var record = run.Record!;
        var detail = ReportParts.IsDenoise(part)
            ? string.Create(CultureInfo.InvariantCulture, $"lr {record.DenoiseConfig().Options.Lr}, α {record.DenoiseConfig().Options.Alpha}, {record.DenoiseConfig().Options.Steps} steps: {(run.Divergence is not null ? "diverged" : ReportText.Psnr(run.DenoisePsnr))}")
            : string.Create(CultureInfo.InvariantCulture, $"seed {record.TrainingConfig().Seed}, {record.TrainingConfig().Epochs} epochs: {ReportText.Percent(run.TestAccuracy)}");
        return $"{run.Id} · {detail}{(ReportParts.Differences(record, part).Count > 0 ? " · not the homework's" : "")}";
    }

    private const string DefaultLabel = "Default: the newest of the homework's settings";
}
