using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Report;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle.Events;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Hw4.Dashboard.Components.Pages.Report;

/// <summary>
/// The homework report page: which run each part uses, or "not run yet" with one button that queues exactly the
/// missing runs (the homework's recipe), the report to open or download as HTML or PDF, and the list refreshed as
/// runs finish (events from <see cref="RunEventNotifier"/>). Admin only, like every page without <c>[SharedView]</c>.
/// </summary>
public sealed partial class Report : IDisposable
{
    // Parts queued from this page and their runs, so a second click does not queue them twice.
    private readonly Dictionary<ReportPart, string> _queued = [];
    private RunSubscription? _subscription;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    [Inject]
    private ReportRunQueuer Queuer { get; set; } = default!;

    [Inject]
    private RunEventNotifier Notifier { get; set; } = default!;

    [Inject]
    private IOptions<Hw4Options> Options { get; set; } = default!;

    /// <summary>Each part and its run, or null when not run yet.</summary>
    public IReadOnlyList<ReportPartRow> Rows { get; private set; } = [];

    /// <summary>The last action's result or the reason it failed.</summary>
    public string? Message { get; private set; }

    private Severity MessageSeverity { get; set; } = Severity.Info;

    private bool Queueing { get; set; }

    // The runs the report is made of now: what a report share link names.
    private IReadOnlyList<string> ChosenIds => Rows.Where(r => r.RunId is not null).Select(r => r.RunId!).ToList();

    private IEnumerable<ReportPart> Missing => Rows.Where(r => r.RunId is null && r.QueuedId is null).Select(r => r.Part);

    private bool HasMissing => Missing.Any();

    private string QueueLabel => $"Queue the missing runs ({Missing.Count()})";

    private static string OpenUrl => ReportEndpoints.Url("html", download: false);

    private static string HtmlUrl => ReportEndpoints.Url("html");

    private static string PdfUrl => ReportEndpoints.Url("pdf");

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        await RefreshAsync();
        _subscription = Notifier.SubscribeAll(OnRunEvent);
    }

    /// <summary>Queues a run for each missing part; says which runs were queued, or why not.</summary>
    public async Task QueueMissingAsync()
    {
        if (!await Access.IsAdminAsync())
        {
            (Message, MessageSeverity) = (IHw4Access.NotAdminMessage, Severity.Error);
            return;
        }

        Queueing = true;
        try
        {
            var missing = Missing.ToList();
            var (ids, error) = await Task.Run(() => Queuer.QueueMissing(missing));
            for (var i = 0; i < ids.Count; i++)
                _queued[missing[i]] = ids[i];
            Rows = [.. Rows.Select(r => r with { QueuedId = _queued.GetValueOrDefault(r.Part) })];
            (Message, MessageSeverity) = error is null
                ? ($"Queued {string.Join(", ", ids)}; the report fills in as they finish.", Severity.Success)
                : ($"{(ids.Count > 0 ? $"Queued {string.Join(", ", ids)}; " : "")}{error}", Severity.Error);
        }
        finally
        {
            Queueing = false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();

    private void OnRunEvent(RunEventEnvelope envelope)
    {
        if (envelope.Event is RunEnded or Evaluated)
            _ = InvokeAsync(async () =>
            {
                await RefreshAsync();
                StateHasChanged();
            });
    }

    private async Task RefreshAsync()
    {
        var artifactsDir = RunStorePaths.ArtifactsDir(Options.Value);
        var chosen = await Task.Run(() => HomeworkReportBuilder.Chosen(artifactsDir, limits: Options.Value.RunFiles));
        Rows = chosen.Select(c => new ReportPartRow(c.Part, c.RunId) { QueuedId = c.RunId is null ? _queued.GetValueOrDefault(c.Part) : null }).ToList();
    }
}
