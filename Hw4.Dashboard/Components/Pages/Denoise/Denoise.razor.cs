using System.Globalization;
using Hw4.Dashboard.Components.Charts;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Denoising;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Runs.Live;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Hw4.Ml.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Models;

namespace Hw4.Dashboard.Components.Pages.Denoise;

/// <summary>
/// The denoise page: pick the shared noisy parrots or upload an image (same limits as the CLI), set the loss and
/// optimizer, run on the device queue with live preview, loss and PSNR, then compare before/after and L1 vs L2.
/// </summary>
public sealed partial class Denoise : IDisposable
{
    private RunSubscription? _subscription;

    // Every run's events, for one kind: the start of a run this tab queued, which the live panel then follows.
    private RunSubscription? _starts;
    private bool _closed;
    private int _refreshQueued;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    [Inject]
    private DataLocator Data { get; set; } = default!;

    [Inject]
    private RunEventNotifier Notifier { get; set; } = default!;

    [Inject]
    private RunQueue Queue { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DenoiseLauncher Launcher { get; set; } = default!;

    [Inject]
    private RunStopper Stopper { get; set; } = default!;

    [Inject]
    private DeviceContext Device { get; set; } = default!;

    [Inject]
    private StepTimeEstimator Estimator { get; set; } = default!;

    [Inject]
    private IOptions<DenoiseUploadOptions> UploadOptions { get; set; } = default!;

    /// <summary>The settings.</summary>
    public DenoiseForm Form { get; } = new();

    /// <summary>This tab's inputs, preview and outcomes.</summary>
    public DenoiseSession Session { get; private set; } = default!;

    /// <summary>The followed run's live state.</summary>
    public RunLiveState Live { get; private set; } = new("");

    /// <summary>The chosen images as decoded, and what a large one becomes.</summary>
    public DenoiseInput Input { get; private set; } = new(1);

    /// <summary>This tab's sweep (norm × α × lr) and its points.</summary>
    public DenoiseSweepSession Sweep { get; private set; } = default!;

    /// <summary>The sweep's grid as typed.</summary>
    public SweepForm SweepInput { get; } = new();

    /// <summary>Why a sweep could not start.</summary>
    public string? SweepError { get; private set; }

    /// <summary>The estimated time per step of the current input, once measured.</summary>
    public StepTimeEstimate? Estimate { get; private set; }

    /// <summary>Why the input could not be used.</summary>
    public string? InputError { get; private set; }

    /// <summary>Why a run could not be queued.</summary>
    public string? RunError { get; private set; }

    private LineChart? LossChart { get; set; }

    private LineChart? PsnrChart { get; set; }

    private double Split { get; set; } = 50;

    private static IReadOnlyList<string> PresetNames { get; } = [.. DenoisePresets.Names, "custom"];

    private bool HasSharedParrots => Data.NoisyImage is not null;

    /// <summary>Denoising runs on the queue that this tab did not start (from another tab, or before a reload).</summary>
    public IReadOnlyList<string> OtherActiveRuns =>
        [.. new[] { Queue.Active }.Concat(Queue.Waiting).OfType<QueuedRun>().Select(q => q.Job)
            .Where(j => j.Kind == Hw4.Ml.Runs.RunKinds.Denoise && !Session.RunIds.Contains(j.RunId)).Select(j => j.RunId)];

    private string? EstimateText => Estimate is { } e
        ? $"Time per step: {string.Join(" · ", e.SecondsPerStep.Select(p => $"{OptimizerDisplayName.Of(p.Key)} {StepTimeEstimate.Format(p.Value)}"))}; "
          + $"this run {StepTimeEstimate.Format(e.Seconds(Form.Optimizer, Form.Steps))} ({e.Method})."
        : null;

    private string? LargeImageText => Input.IsLarge && Input.FittedSize is { } size
        ? string.Create(CultureInfo.InvariantCulture,
            $"Above {Input.LargeImagePixels:N0} px, where a step gets slow: crop the centre or downscale to {size.Width}×{size.Height}, or keep it whole.")
        : null;

    private static string RunHref(string runId) => $"runs/{Uri.EscapeDataString(runId)}";

    // A run this tab queued that has not ended, wherever it runs (this host's device or another host's): its RunEnded,
    // heard through the notifier, is what ends it here.
    private bool IsRunning => Session.RunIds.Any(id => !_ended.Contains(id));

    // The runs of this tab whose RunEnded was heard.
    private readonly HashSet<string> _ended = [];

    // The results with an image, by norm: what the before/after slider can show (L1 and L2 after "L1 vs L2").
    private IReadOnlyList<DenoiseOutcome> Viewable => [.. Session.Outcomes.Values.Where(o => o.DataUrl is not null).OrderBy(o => o.Options.Norm)];

    /// <summary>The norm whose result the before/after slider shows: the one picked, else the newest result.</summary>
    public DenoiseNorm? ShownNorm { get; private set; }

    private DenoiseOutcome? Shown => Viewable.FirstOrDefault(o => o.Options.Norm == ShownNorm)
        ?? Viewable.FirstOrDefault(o => o.RunId == Session.RunIds.LastOrDefault(id => Viewable.Any(v => v.RunId == id)))
        ?? Viewable.FirstOrDefault();

    private void ShowResult(DenoiseNorm norm) => ShownNorm = norm;

    private static string ShowTestId(DenoiseOutcome result) => $"show-{result.Options.Norm.ToString().ToLowerInvariant()}";

    private string AfterClipStyle => string.Create(CultureInfo.InvariantCulture, $"clip-path: inset(0 {100 - Split:0}% 0 0)");

    // Which run the live panel follows, by its norm: the chip and the picture each say theirs.
    private string LiveChip => LiveNorm is { } norm ? $"{OptimizerDisplayName.Of(norm)} · {Live.StatusText}" : Live.StatusText;

    private DenoiseNorm? LiveNorm => _options.TryGetValue(Live.RunId, out var o) ? o.Norm : null;

    // The session's picture, only while it is of the run the panel follows: the job reports its pictures straight to the
    // session, while the panel moves to a run when its start comes through the notifier, a moment later. Until then the
    // panel shows the input, never the next run's picture beside the last run's chip.
    private string? LivePreview => Session.PreviewNorm is { } norm && norm == LiveNorm ? Session.PreviewDataUrl : null;

    private string PreviewCaption => LivePreview is null || Session.PreviewNorm is not { } norm
        ? "Input (noisy)"
        : $"{OptimizerDisplayName.Of(norm)}, step {Session.PreviewStep}{(Session.PreviewIsFinal ? " (result)" : "")}";

    private string PreviewAlt => LivePreview is null || Session.PreviewNorm is not { } norm
        ? "The noisy input"
        : $"{OptimizerDisplayName.Of(norm)} estimate at step {Session.PreviewStep}";

    private string LiveText => Live.LastDenoise is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"step {d.Step}/{d.TotalSteps}, loss {d.Loss:G4}{(d.Psnr is { } p ? $", PSNR {p:0.00} dB" : "")}")
        : "";

    private static string PsnrText(DenoiseOutcome o) =>
        o.Diverged ? "diverged" : o.PsnrOutput is { } output ? $"PSNR {o.PsnrInput:0.00} → {output:0.00} dB" : "no reference";

    private static string NormLabel(DenoiseOutcome o) => o.Options.Norm.ToString().ToLowerInvariant();

    private static string SettingsText(DenoiseOutcome o) =>
        string.Create(CultureInfo.InvariantCulture, $"{OptimizerDisplayName.Of(o.Options.Optimizer)} lr {o.Options.Lr} α {o.Options.Alpha} × {o.Options.Steps}");

    private static string DivergedText(DenoiseOutcome o) => string.Create(CultureInfo.InvariantCulture,
        $"Diverged at step {o.DivergedAtStep}: the loss became non-finite (last finite loss {o.FinalLoss:G4}{(o.PsnrOutput is { } p ? $", PSNR {p:0.00} dB" : "")}). No image; lower the learning rate or use the best preset.");

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        Session = new DenoiseSession(Time);
        Sweep = new DenoiseSweepSession(Time);
        Session.Changed += OnSessionChanged;
        Sweep.Changed += OnSessionChanged;
        // Stop and the list of other runs follow the queue: a run that ended leaves it, and Stop goes grey.
        Queue.Changed += OnSessionChanged;
        Input = new DenoiseInput(UploadOptions.Value.LargeImagePixels);
        _starts = Notifier.SubscribeAll(OnAnyRunEvent);
        if (HasSharedParrots)
            UseSharedParrots();
    }

    // The shared parrots, loaded in place (tens of milliseconds; their step timing is the process's once the prerender
    // measured it): awaiting them would give the circuit's first render a page without an image, replacing the
    // prerendered one until they load.
    private void UseSharedParrots()
    {
        try
        {
            TakeSharedParrots(LoadSharedParrots());
            var (noisy, clean) = Input.Fitted();
            Session.SetInput(noisy, clean, Input.SourceName!);
            Estimate = Estimator.Estimate(noisy, Form.Norm);
        }
        catch (Exception e) when (e is ImageLoadException or ArgumentException)
        {
            InputError = e.Message;
        }
    }

    // The button: decoding is blocking work, off the circuit's thread, so other events of this tab keep flowing.
    private async Task UseSharedParrotsAsync()
    {
        try
        {
            TakeSharedParrots(await Task.Run(LoadSharedParrots));
            await ApplyInputAsync();
        }
        catch (Exception e) when (e is ImageLoadException or ArgumentException)
        {
            InputError = e.Message;
        }
    }

    private (RgbImage Noisy, RgbImage? Clean) LoadSharedParrots() =>
        (ImageFile.Load(Data.NoisyImage!), Data.CleanImage is { } clean ? ImageFile.Load(clean) : null);

    private void TakeSharedParrots((RgbImage Noisy, RgbImage? Clean) parrots)
    {
        Input.SetNoisy(parrots.Noisy, Path.GetFileName(Data.NoisyImage!));
        if (parrots.Clean is not null)
            Input.SetClean(parrots.Clean);
    }

    private async Task OnNoisyUploadAsync(InputFileChangeEventArgs e)
    {
        if (await ReadUploadAsync(e.File) is not { } image)
            return;
        Input.SetNoisy(image, e.File.Name);
        await ApplyInputAsync();
    }

    private async Task OnCleanUploadAsync(InputFileChangeEventArgs e)
    {
        if (Input.Noisy is null)
        {
            InputError = "Choose the noisy image first, then its clean reference.";
            return;
        }

        if (await ReadUploadAsync(e.File) is not { } image)
            return;
        try
        {
            Input.SetClean(image);
        }
        catch (ArgumentException ex)
        {
            InputError = $"{e.File.Name}: {ex.Message}";
            return;
        }

        await ApplyInputAsync();
    }

    private async Task OnFitChangedAsync(ImageFitChoice choice)
    {
        Input.Fit = choice;
        await ApplyInputAsync();
    }

    // The crop or downscale, the preview PNG and the timing all block: off the circuit's thread.
    private async Task ApplyInputAsync()
    {
        try
        {
            var (noisy, clean) = await Task.Run(Input.Fitted);
            var name = Input.SourceName ?? "upload";
            await Task.Run(() => Session.SetInput(noisy, clean, name));
            InputError = null;
            Estimate = null;
            StateHasChanged();
            var norm = Form.Norm;
            Estimate = await Task.Run(() => Estimator.Estimate(noisy, norm));
        }
        catch (ArgumentException ex)
        {
            InputError = ex.Message;
        }
    }

    private async Task<RgbImage?> ReadUploadAsync(IBrowserFile file)
    {
        if (!await Access.IsAdminAsync())
        {
            InputError = IHw4Access.NotAdminMessage;
            return null;
        }

        var limits = UploadOptions.Value.Limits;
        if (file.Size > limits.MaxFileBytes)
        {
            InputError = $"{file.Name}: {file.Size:N0} bytes is over the {limits.MaxFileBytes:N0}-byte limit.";
            return null;
        }

        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(limits.MaxFileBytes))
                await stream.CopyToAsync(buffer);
            var data = buffer.ToArray();
            // The header first: an image above the pixel cap is refused, with the reason, before a pixel is decoded.
            await Task.Run(() => ImageFile.Identify(data, file.Name, limits));
            // Decoding a 4096² image takes a while; the circuit's thread must stay free for this and other events.
            return await Task.Run(() => ImageFile.Decode(data, file.Name, limits));
        }
        catch (Exception ex) when (ex is ImageLoadException or IOException)
        {
            InputError = ex is ImageLoadException ? ex.Message : $"{file.Name}: upload failed ({ex.Message}).";
            return null;
        }
    }

    private Task StartAsync() => QueueRunsAsync([Form.ToOptions()], DenoisePresets.Names.Contains(Form.Preset) ? Form.Preset : null);

    /// <summary>L1 vs L2: each norm at its own best preset (one learning rate cannot serve both), both results kept.</summary>
    private Task CompareNormsAsync() => QueueRunsAsync(
        [.. new[] { DenoiseNorm.L1, DenoiseNorm.L2 }.Select(n => DenoisePresets.Best(n) is var best ? best with { ReportEvery = Form.ReportEveryFor(best.Steps) } : best)], "best");

    private async Task QueueRunsAsync(IReadOnlyList<DenoiseOptions> runs, string? preset)
    {
        RunError = null;
        if (!await Access.IsAdminAsync())
        {
            RunError = IHw4Access.NotAdminMessage;
            return;
        }

        if (Session.Noisy is not { } noisy)
        {
            RunError = "Choose a noisy image first.";
            return;
        }

        foreach (var options in runs)
        {
            var config = new DenoiseRunConfig
            {
                Options = options,
                Preset = preset,
                Source = Session.SourceName ?? "upload",
                Fit = Input.FitDescription,
            };
            string? runId, error;
            try
            {
                (runId, error) = Launcher.Launch(config, noisy, Session.Clean, Session);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A full disk or a store out of reach: nothing was left queued.
                (runId, error) = (null, $"The run was not queued: {e.Message}");
            }

            if (runId is null)
            {
                RunError = error;
                break;
            }

            _options[runId] = options;
            Follow(runId);
        }
    }

    /// <summary>
    /// Queues a sweep of both norms over the typed grid with the form's optimizer, on the current image and its clean
    /// reference (PSNR needs one); the heatmaps fill in as cells complete.
    /// </summary>
    private void StartSweep()
    {
        SweepError = null;
        if (Session.Noisy is not { } noisy || Session.Clean is not { } clean)
        {
            SweepError = "A sweep compares PSNR: choose a noisy image and its clean reference first.";
            return;
        }

        var (options, error) = SweepInput.Build(Form.Optimizer);
        if (options is null)
        {
            SweepError = error;
            return;
        }

        var id = RunId.New("sweep", Time.GetUtcNow());
        Sweep.OnQueued(id, options);
        if (!Queue.TryEnqueue(new DenoiseSweepJob(id, noisy, clean, options, Device.Device, Notifier, Sweep)))
        {
            Sweep.OnEnded("not queued");
            SweepError = "The device queue is full; try again when a run has finished.";
        }
    }

    private void StopSweep()
    {
        if (Sweep.JobId is { } id)
            Queue.Stop(id);
    }

    private void LoadBest(DenoiseNorm norm)
    {
        if (Sweep.Best.TryGetValue(norm, out var best) && Sweep.Options is { } options)
            Form.Load(best, options);
    }

    private static string BestText(DenoiseSweepPoint p) =>
        string.Create(CultureInfo.InvariantCulture, $"α {p.Alpha:G4}, lr {p.Lr:G4}: {p.Psnr:0.00} dB");

    private string? SweepStatusText => Sweep.StatusText;

    // Rows of at least 40 px besides the title, axis labels and margins.
    private static int SweepHeight(Features.Charts.HeatmapData map) => Math.Max(320, 180 + (40 * map.Y.Count));

    private string SplitText => string.Create(CultureInfo.InvariantCulture, $"{Split:0}% output, {100 - Split:0}% input");

    private string ReportEveryHelp => Form.PreviewEvery is null
        ? $"auto: every {DenoiseForm.AutoReportEvery(Form.Steps)} for {Form.Steps} steps"
        : "";

    // A run of this tab named as Runs names it (its settings); the id is in its address.
    private string RunLabel(string runId) => _options.TryGetValue(runId, out var options) ? RunName.Of(options) : runId;

    // The settings of each run this tab queued, by id.
    private readonly Dictionary<string, DenoiseOptions> _options = [];

    private static IReadOnlyList<DenoiseNorm> Norms { get; } = [DenoiseNorm.L1, DenoiseNorm.L2];

    // The live panel follows one run: the first one queued here, then each next one when its RunStarted is published,
    // never one still waiting. So the chip and the picture speak of the same run: between L1's end and L2's start they
    // both still say L1, and the panel's replay of L2 already holds its start (following the job's own notice, which
    // comes before that event, showed "L2 · queued" beside L2's picture).
    private void Follow(string runId)
    {
        // Kept while the followed run is active or not heard of yet (its RunQueued still on the pump: L1 vs L2 queues
        // both at once, and the panel followed L2 from the start).
        if (Live.RunId.Length > 0 && Live.Status?.IsActive() != false)
            return;
        FollowNow(runId);
    }

    private void FollowNow(string runId)
    {
        _subscription?.Dispose();
        Live = new RunLiveState(runId);
        _subscription = Notifier.Subscribe(runId, null, OnRunEvent);
        Live.Apply(_subscription.Replay!);
    }

    private void OnRunEvent(RunEventEnvelope envelope)
    {
        Live.Apply(envelope);
        QueueRefresh();
    }

    private void OnSessionChanged() => QueueRefresh();

    // On the pump's thread: the ids this tab queued are the circuit's to read.
    private void OnAnyRunEvent(RunEventEnvelope envelope)
    {
        if (envelope.Event is not (RunStarted or RunEnded))
            return;
        _ = InvokeAsync(() =>
        {
            // An event heard while the page was being closed subscribes nothing more.
            if (_closed || !_options.ContainsKey(envelope.RunId))
                return;
            if (envelope.Event is RunEnded)
                _ended.Add(envelope.RunId);
            else if (envelope.RunId != Live.RunId)
                FollowNow(envelope.RunId);
            StateHasChanged();
        });
    }

    private void QueueRefresh()
    {
        if (Interlocked.Exchange(ref _refreshQueued, 1) == 0)
            _ = InvokeAsync(RefreshAsync);
    }

    private async Task RefreshAsync()
    {
        Interlocked.Exchange(ref _refreshQueued, 0);
        StateHasChanged();
        if (LossChart is not null)
            await LossChart.RefreshAsync();
        if (PsnrChart is not null)
            await PsnrChart.RefreshAsync();
    }

    private async Task Stop()
    {
        if (!await Access.IsAdminAsync())
        {
            RunError = IHw4Access.NotAdminMessage;
            return;
        }

        foreach (var id in Session.RunIds.Where(id => !_ended.Contains(id)))
        {
            if (Stopper.Stop(id) is { IsAccepted: false } refused)
                RunError = refused.Message;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Session.Changed -= OnSessionChanged;
        Sweep.Changed -= OnSessionChanged;
        Queue.Changed -= OnSessionChanged;
        _closed = true;
        _subscription?.Dispose();
        _starts?.Dispose();
        // A sweep's points live only in this tab: once it is closed they have nowhere to go.
        if (Sweep.IsActive && Sweep.JobId is { } sweep)
            Queue.Stop(sweep);
        // Runs started here go on: each is a run with a folder, listed on Runs and stoppable from its page.
    }
}
