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
        DenoiseResult result;
        try
        {
            result = TvDenoiser.Run(noisy, clean, options, context.Device, new Sink(runId, context.Notifier, session), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Notifier.Publish(new RunEnded(runId, RunStatus.Stopped, "stopped", clock.Elapsed.TotalSeconds));
            return Task.CompletedTask;
        }

        // A non-finite loss means the step size is too large for this norm (typical for L2 at the L1 preset's rate);
        // its output is meaningless, so report divergence instead of showing a black image.
        if (!double.IsFinite(result.FinalLoss))
        {
            context.Notifier.Publish(new Diverged(runId, 0, options.Steps, null));
            context.Notifier.Publish(new RunEnded(runId, RunStatus.Diverged,
                $"the loss became {result.FinalLoss} with {options.Norm} at lr={options.Lr}; lower the learning rate.", clock.Elapsed.TotalSeconds));
            return Task.CompletedTask;
        }

        session.OnResult(runId, result);
        context.Notifier.Publish(new RunEnded(runId, RunStatus.Completed, null, clock.Elapsed.TotalSeconds));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void End(RunStatus status, string? message) => context.Notifier.Publish(new RunEnded(runId, status, message, 0));

    // A direct IProgress: Progress<T> would post to a captured context; here reports must stay cheap and in order.
    private sealed class Sink(string runId, Streaming.RunEventNotifier notifier, DenoiseSession session) : IProgress<MlProgress>
    {
        public void Report(MlProgress value)
        {
            notifier.Publish(new WireProgress(runId, value.Step, value.Steps, value.Loss, value.Psnr));
            session.OnProgress(value, last: value.Step >= value.Steps);
        }
    }
}
