using System.Diagnostics;
using Hw4.Dashboard.Features.Queue;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;
using MlProgress = Hw4.Ml.Denoising.DenoiseProgress;
using WireProgress = Hw4.Ml.Lifecycle.Events.DenoiseProgress;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// Runs <see cref="TvDenoiser"/> on the queue's thread: loss and PSNR go to the notifier as <c>DenoiseProgress</c>
/// events (throttled there), previews and the result go to the session that started it. It raises the run's
/// RunStarted and, last, RunEnded.
/// </summary>
public sealed class DenoiseJob(
    string runId, RgbImage noisy, RgbImage? clean, DenoiseOptions options, DenoiseJobContext context, DenoiseSession session) : IRunJob
{
    /// <inheritdoc />
    public string RunId => runId;

    /// <inheritdoc />
    public string Kind => RunKinds.Denoise;

    /// <inheritdoc />
    public string Description => $"denoise {options.Norm} {options.Optimizer} lr={options.Lr} α={options.Alpha} × {options.Steps}";

    /// <inheritdoc />
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        context.Notifier.Publish(new RunStarted(runId, Kind, context.DeviceName, TotalEpochs: 0, BatchesPerEpoch: 0));
        session.OnStarted(runId, options.Norm);
        DenoiseResult result;
        try
        {
            result = TvDenoiser.Run(noisy, clean, options, context.Device, new Sink(runId, options.Norm, context.Notifier, session), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Notifier.Publish(new RunEnded(runId, RunStatus.Stopped, "stopped", clock.Elapsed.TotalSeconds));
            return Task.CompletedTask;
        }

        // Kept either way, so that L1 vs L2 shows a diverged run as diverged next to the other one.
        session.OnResult(runId, result);
        // A non-finite loss means the step size is too large for this norm (typical for L2 at the homework's rate).
        if (result.Diverged)
        {
            context.Notifier.Publish(new Diverged(runId, 0, result.DivergedAtStep ?? 0, double.IsFinite(result.FinalLoss) ? result.FinalLoss : null));
            context.Notifier.Publish(new RunEnded(runId, RunStatus.Diverged, result.DivergenceMessage, clock.Elapsed.TotalSeconds));
            return Task.CompletedTask;
        }

        context.Notifier.Publish(new RunEnded(runId, RunStatus.Completed, null, clock.Elapsed.TotalSeconds));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void End(RunStatus status, string? message) => context.Notifier.Publish(new RunEnded(runId, status, message, 0));

    // A direct IProgress: Progress<T> would post to a captured context; here reports must stay cheap and in order.
    private sealed class Sink(string runId, DenoiseNorm norm, Streaming.RunEventNotifier notifier, DenoiseSession session) : IProgress<MlProgress>
    {
        public void Report(MlProgress value)
        {
            notifier.Publish(new WireProgress(runId, value.Step, value.Steps, value.Loss, value.Psnr));
            session.OnProgress(norm, value, last: value.Step >= value.Steps);
        }
    }
}
