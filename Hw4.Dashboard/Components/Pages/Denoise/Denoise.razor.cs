using System.Globalization;
using Hw4.Dashboard.Components.Charts;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Denoising;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Runs.Live;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Hw4.Dashboard.Components.Pages.Denoise;

/// <summary>
/// The denoise page: pick the shared noisy parrots or upload an image (same limits as the CLI), set the loss and
/// optimizer, run on the device queue with live preview, loss and PSNR, then compare before/after and L1 vs L2.
/// </summary>
public sealed partial class Denoise : IDisposable
{
    private RunSubscription? _subscription;
    private int _refreshQueued;

    [Inject]
    private Hw4.Dashboard.Features.Access.IHw4Access Access { get; set; } = default!;

    [Inject]
    private DataLocator Data { get; set; } = default!;

    [Inject]
    private DeviceContext Device { get; set; } = default!;

    [Inject]
    private RunEventNotifier Notifier { get; set; } = default!;

    [Inject]
    private RunQueue Queue { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>The settings.</summary>
    public DenoiseForm Form { get; } = new();

    /// <summary>This tab's inputs, preview and outcomes.</summary>
    public DenoiseSession Session { get; private set; } = default!;

    /// <summary>The followed run's live state.</summary>
    public RunLiveState Live { get; private set; } = new("");

    /// <summary>Why the input could not be used.</summary>
    public string? InputError { get; private set; }

    /// <summary>Why a run could not be queued.</summary>
    public string? RunError { get; private set; }

    private LineChart? LossChart { get; set; }

    private LineChart? PsnrChart { get; set; }

    private double Split { get; set; } = 50;

    private static IReadOnlyList<string> PresetNames { get; } = [.. DenoisePresets.Names, "custom"];

    private bool HasSharedParrots => Data.NoisyImage is not null;

    private bool IsRunning => Session.RunIds.Any(id => Queue.Active?.Job.RunId == id || Queue.Waiting.Any(w => w.Job.RunId == id));

    private DenoiseOutcome? Latest => Session.Outcomes.Values.FirstOrDefault(o => o.RunId == Session.RunIds.LastOrDefault())
        ?? Session.Outcomes.Values.FirstOrDefault();

    private string AfterClipStyle => $"clip-path: inset(0 {100 - Split:0}% 0 0)";

    private string LiveText => Live.LastDenoise is { } d
        ? $"step {d.Step}/{d.TotalSteps}, loss {d.Loss:G4}{(d.Psnr is { } p ? $", PSNR {p:0.00} dB" : "")}"
        : "";

    private static string PsnrText(DenoiseOutcome o) =>
        o.Diverged ? "diverged" : o.PsnrOutput is { } output ? $"PSNR {o.PsnrInput:0.00} → {output:0.00} dB" : "no reference";

    private static string NormLabel(DenoiseOutcome o) => o.Options.Norm.ToString().ToLowerInvariant();

    private static string SettingsText(DenoiseOutcome o) =>
        string.Create(CultureInfo.InvariantCulture, $"{o.Options.Optimizer} lr {o.Options.Lr} α {o.Options.Alpha} × {o.Options.Steps}");

    private static string DivergedText(DenoiseOutcome o) => string.Create(CultureInfo.InvariantCulture,
        $"Diverged at step {o.DivergedAtStep}: the loss became non-finite (last finite loss {o.FinalLoss:G4}{(o.PsnrOutput is { } p ? $", PSNR {p:0.00} dB" : "")}). No image; lower the learning rate or use the best preset.");

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        Session = new DenoiseSession(Time);
        Session.Changed += OnSessionChanged;
        if (HasSharedParrots)
            UseSharedParrots();
    }

    private void UseSharedParrots()
    {
        try
        {
            var noisy = ImageFile.Load(Data.NoisyImage!);
            var clean = Data.CleanImage is { } c ? ImageFile.Load(c) : null;
            Session.SetInput(noisy, clean, Path.GetFileName(Data.NoisyImage!));
            InputError = null;
        }
        catch (Exception e) when (e is ImageLoadException or ArgumentException)
        {
            InputError = e.Message;
        }
    }

    private async Task OnNoisyUploadAsync(InputFileChangeEventArgs e)
    {
        if (await ReadUploadAsync(e.File) is { } image)
            await SetInputSafelyAsync(image, null, e.File.Name);
    }

    private async Task OnCleanUploadAsync(InputFileChangeEventArgs e)
    {
        if (Session.Noisy is null)
        {
            InputError = "Choose the noisy image first, then its clean reference.";
            return;
        }

        if (await ReadUploadAsync(e.File) is { } image)
            await SetInputSafelyAsync(Session.Noisy, image, Session.SourceName ?? "upload");
    }

    private async Task SetInputSafelyAsync(RgbImage noisy, RgbImage? clean, string name)
    {
        try
        {
            // SetInput encodes the preview PNG: off the circuit's thread, so other events of this tab keep flowing.
            await Task.Run(() => Session.SetInput(noisy, clean, name));
            InputError = null;
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
            InputError = Hw4.Dashboard.Features.Access.IHw4Access.NotAdminMessage;
            return null;
        }

        var limits = ImageLimits.Default;
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
            // Decoding a 4096² image takes a while; the circuit's thread must stay free for this and other events.
            return await Task.Run(() => ImageFile.Decode(data, file.Name, limits));
        }
        catch (Exception ex) when (ex is ImageLoadException or IOException)
        {
            InputError = ex is ImageLoadException ? ex.Message : $"{file.Name}: upload failed ({ex.Message}).";
            return null;
        }
    }

    private Task StartAsync() => QueueRunsAsync([Form.ToOptions()]);

    /// <summary>L1 vs L2: each norm at its own best preset (one learning rate cannot serve both), both results kept.</summary>
    private Task CompareNormsAsync() => QueueRunsAsync(
        [.. new[] { DenoiseNorm.L1, DenoiseNorm.L2 }.Select(n => DenoisePresets.Best(n) with { ReportEvery = Form.PreviewEvery })]);

    private async Task QueueRunsAsync(IReadOnlyList<DenoiseOptions> runs)
    {
        RunError = null;
        if (!await Access.IsAdminAsync())
        {
            RunError = Hw4.Dashboard.Features.Access.IHw4Access.NotAdminMessage;
            return;
        }

        var context = new DenoiseJobContext(Device.Device, Device.Name, Notifier);
        foreach (var options in runs)
        {
            var norm = options.Norm;
            var runId = Hw4.Ml.Runs.RunId.New($"denoise-{norm}", Time.GetUtcNow());
            try
            {
                var job = Session.CreateJob(runId, options, context);
                if (!Queue.TryEnqueue(job))
                {
                    RunError = "The device queue is full; try again when a run has finished.";
                    break;
                }

                Follow(runId);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                RunError = e.Message;
                break;
            }
        }
    }

    private void Follow(string runId)
    {
        // With L1 vs L2 the first queued run is followed first; the next one takes over when it starts.
        if (_following)
        {
            _pendingFollow.Enqueue(runId);
            return;
        }

        _following = true;
        _subscription?.Dispose();
        Live = new RunLiveState(runId);
        _subscription = Notifier.Subscribe(runId, null, OnRunEvent);
        Live.Apply(_subscription.Replay!);
    }

    private readonly Queue<string> _pendingFollow = new();

    // Touched on the circuit's thread only (Follow runs there; terminal events come back through InvokeAsync).
    private bool _following;

    private void OnRunEvent(RunEventEnvelope envelope)
    {
        Live.Apply(envelope);
        if (envelope.Event.IsTerminal)
        {
            _ = InvokeAsync(() =>
            {
                _following = false;
                if (_pendingFollow.TryDequeue(out var next))
                    Follow(next);
                StateHasChanged();
            });
        }

        QueueRefresh();
    }

    private void OnSessionChanged() => QueueRefresh();

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
            RunError = Hw4.Dashboard.Features.Access.IHw4Access.NotAdminMessage;
            return;
        }

        _pendingFollow.Clear();
        foreach (var id in Session.RunIds)
            Queue.Stop(id);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Session.Changed -= OnSessionChanged;
        _subscription?.Dispose();
        // Work started from this tab is of no use once it is closed.
        foreach (var id in Session.RunIds)
            Queue.Stop(id);
    }
}
