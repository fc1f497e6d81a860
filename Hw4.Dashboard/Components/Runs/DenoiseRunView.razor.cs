using System.Globalization;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Components.Charts;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Denoising;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Files;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Training;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Models;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>
/// A denoising run's page body: its settings, status, loss and PSNR curves, and the before/after slider with the
/// output's download. Everything comes from the run folder first (so it is all there after navigating away and back,
/// or after a restart), then from live events while the run is active; when it ends the folder is read again.
/// Stop works while it is queued or running.
/// </summary>
public sealed partial class DenoiseRunView : IDisposable
{
    private RunSubscription? _subscription;
    private int _refreshQueued;

    /// <summary>The run (kind denoise).</summary>
    [Parameter, EditorRequired]
    public string RunId { get; set; } = "";

    [Inject]
    private RunRepository Runs { get; set; } = default!;

    [Inject]
    private RunEventNotifier Notifier { get; set; } = default!;

    [Inject]
    private RunStopper Stopper { get; set; } = default!;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    /// <summary>True when the user may stop the run (admin); a share link's viewer sees no Stop.</summary>
    public bool CanControl { get; private set; }

    /// <summary>What is shown (public for tests).</summary>
    public DenoiseRunState State { get; private set; } = new("");

    /// <summary>run.json as last read.</summary>
    public RunRecord? Record { get; private set; }

    /// <summary>What the last Stop did, or why not.</summary>
    public string? CommandMessage { get; private set; }

    private bool CommandAccepted { get; set; }

    private LineChart? LossChart { get; set; }

    private LineChart? PsnrChart { get; set; }

    private double Split { get; set; } = 50;

    private bool HasOutput { get; set; }

    private bool CanStop => CanControl && (State.IsActive || State.Status is RunStatus.Interrupted);

    private string InputUrl => RunFileEndpoints.Url(RunId, RunDirectory.InputImageFile);

    // The finish time busts the browser's cache should the same run write its image again (started anew after a restart).
    private string? OutputUrl => HasOutput
        ? $"{RunFileEndpoints.Url(RunId, RunDirectory.OutputImageFile)}?v={Record?.FinishedUtc?.UtcTicks ?? 0}"
        : null;

    private string DownloadName => $"{RunId}-output.png";

    private string AfterClipStyle => string.Create(CultureInfo.InvariantCulture, $"clip-path: inset(0 {100 - Split:0}% 0 0)");

    private string ProgressText => State.LatestStep is { } p
        ? string.Create(CultureInfo.InvariantCulture, $"step {p.Step}/{p.TotalSteps}{(State.Psnr is { } db ? $", PSNR {db:0.00} dB" : "")}")
        : "";

    private Severity MessageSeverity => RunStatusStyle.MessageSeverity(State.Status);

    private Color StatusColor => RunStatusStyle.Color(State.Status);

    private string? SettingsText => Record?.Denoise is { } d
        ? string.Create(CultureInfo.InvariantCulture,
            $"{OptimizerDisplayName.Of(d.Options.Norm)} · {OptimizerDisplayName.Of(d.Options.Optimizer)} · lr {d.Options.Lr:G4} · α {d.Options.Alpha:G4} · {d.Options.Steps} steps"
            + $"{(d.Preset is { } preset ? $" · preset {preset}" : "")} · {d.Source} {d.Width}×{d.Height}{(d.Fit is { } fit ? $" ({fit})" : "")}"
            + $"{(d.HasClean ? " · with clean reference" : " · no clean reference (no PSNR)")}")
        : null;

    private string? FiguresText => State.Finished is { } f
        ? string.Create(CultureInfo.InvariantCulture,
            $"{(f.PsnrOutput is { } o ? $"PSNR {f.PsnrInput:0.00} → {o:0.00} dB · " : "")}{(double.IsFinite(f.FinalLoss) ? $"loss {f.FinalLoss:G4} · " : "")}{f.Steps} steps in {f.Seconds:0.00} s")
        : null;

    private string PsnrEmptyText => Record?.Denoise is { HasClean: false }
        ? "No PSNR: the run has no clean reference to compare with."
        : "PSNR against the clean image shows here once the run starts.";

    private string NoImageText => State.Status switch
    {
        RunStatus.Diverged => "No output image: the run diverged.",
        RunStatus.Queued or RunStatus.Running => "The output appears here when the run ends.",
        _ => "No output image was kept.",
    };

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (State.RunId == RunId)
            return;
        _subscription?.Dispose();
        State = new DenoiseRunState(RunId);
        CommandMessage = null;
        // Subscribed before the folder is read: a report in between arrives either way, and points merge by step.
        _subscription = Notifier.Subscribe(RunId, null, OnEvent);
        State.Apply(_subscription.Replay!);
        await LoadAsync();
    }

    // The folder (run.json and a few hundred reports) is read in place: awaiting the read would give the circuit's first
    // render a "waiting" run without output, replacing the prerendered page until it completes.
    private async Task LoadAsync()
    {
        if (Runs.TryOpen(RunId) is { } dir)
        {
            var summary = RunDirectoryReader.Read(dir.Path, Runs.Limits);
            State.Seed(summary, RunDirectoryReader.DenoiseSteps(dir.Path, Runs.Limits));
            (Record, HasOutput) = (summary.Record, File.Exists(dir.OutputImagePath));
        }

        await RefreshChartsAsync();
    }

    private void OnEvent(RunEventEnvelope envelope)
    {
        State.Apply(envelope);
        if (envelope.Event.IsTerminal)
        {
            // "Stopping run …" was true until now: the status and its message say how it ended.
            CommandMessage = null;
            // The folder now holds every report, the image and the final run.json.
            _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
            return;
        }

        if (Interlocked.Exchange(ref _refreshQueued, 1) == 0)
            _ = InvokeAsync(async () =>
            {
                Interlocked.Exchange(ref _refreshQueued, 0);
                StateHasChanged();
                await RefreshChartsAsync();
            });
    }

    private async Task RefreshChartsAsync()
    {
        if (LossChart is not null)
            await LossChart.RefreshAsync();
        if (PsnrChart is not null)
            await PsnrChart.RefreshAsync();
    }

    private async Task Stop()
    {
        if (!await Access.IsAdminAsync())
        {
            (CommandAccepted, CommandMessage) = (false, IHw4Access.NotAdminMessage);
            return;
        }

        var result = Stopper.Stop(RunId);
        (CommandAccepted, CommandMessage) = (result.IsAccepted, result.Message);
    }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync() => CanControl = await Access.IsAdminAsync();

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();
}
