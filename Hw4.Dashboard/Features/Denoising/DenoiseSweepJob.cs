using System.Globalization;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using TorchSharp;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// A norm × α × lr sweep on the device queue: <see cref="TvSweep"/> (the code behind <c>denoise-sweep</c>) on the
/// tab's image, each point to the tab's <see cref="DenoiseSweepSession"/> as it completes. It is a job, not a stored
/// run: it has no folder, and Stop on the queue ends it between two cells.
/// </summary>
public sealed class DenoiseSweepJob(
    string jobId, RgbImage noisy, RgbImage clean, DenoiseSweepOptions options, torch.Device device, RunEventNotifier notifier,
    DenoiseSweepSession session) : IRunJob
{
    /// <summary>The kind this job announces in its events (<c>sweep</c>).</summary>
    public const string JobKind = "sweep";

    /// <inheritdoc />
    public string RunId => jobId;

    /// <inheritdoc />
    public string Kind => JobKind;

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"sweep {string.Join("+", options.Norms)} × {options.Steps} steps");

    /// <inheritdoc />
    public Task RunAsync(CancellationToken cancellationToken)
    {
        notifier.Publish(new RunStarted(jobId, JobKind, device.type.ToString().ToLowerInvariant(), 0, 0));
        session.OnStarted();
        try
        {
            var result = TvSweep.Run(noisy, clean, options, device, new Sink(session), cancellationToken);
            var outcome = string.Create(CultureInfo.InvariantCulture, $"{result.Points.Count} points in {result.Seconds:0.0} s");
            session.OnEnded(outcome);
            notifier.Publish(new RunEnded(jobId, RunStatus.Completed, null, result.Seconds));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            End(RunStatus.Stopped, "stopped; the points so far are kept");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void End(RunStatus status, string? message)
    {
        session.OnEnded(message ?? status.Name());
        notifier.Publish(new RunEnded(jobId, status, message, 0));
    }

    private sealed class Sink(DenoiseSweepSession session) : IProgress<DenoiseSweepPoint>
    {
        public void Report(DenoiseSweepPoint value) => session.OnPoint(value);
    }
}
