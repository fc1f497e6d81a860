using System.Diagnostics;
using System.Globalization;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;
using TorchSharp;
using MlProgress = Hw4.Ml.Denoising.DenoiseProgress;
using WireProgress = Hw4.Ml.Lifecycle.Events.DenoiseProgress;

namespace Hw4.Ml.Recipes;

/// <summary>
/// A denoising run in the run store, the one place that ties <see cref="TvDenoiser"/> to a run folder (as
/// <see cref="ClassificationRecipe"/> does for training): the request and the input images go into the folder when it
/// is queued; running it moves the status in run.json, records every progress report in metrics.jsonl (the loss and
/// PSNR curves), writes output.png atomically and ends with <see cref="DenoiseFinished"/> and <see cref="RunEnded"/>.
/// A stopped run keeps the estimate of its last report as output.png.
/// </summary>
public static class DenoiseRecipe
{
    /// <summary>
    /// Creates a queued denoising run holding <paramref name="config"/> in run.json and the images as input.png (and
    /// clean.png), all at once. The recorded options report a full-size estimate with each progress report, so a
    /// stopped run keeps a full-size image. Throws <see cref="ArgumentException"/> for an invalid request.
    /// </summary>
    public static RunDirectory Queue(string artifactsDir, DenoiseRunConfig config, RgbImage noisy, RgbImage? clean, TimeProvider time, RunFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(noisy);
        config.Options.Validate();
        if (clean is not null && (clean.Width != noisy.Width || clean.Height != noisy.Height))
            throw new ArgumentException(
                $"The clean reference is {clean.Width}×{clean.Height} but the noisy image is {noisy.Width}×{noisy.Height}; they must match.", nameof(clean));
        var options = config.Options with { PreviewMaxSide = Math.Max(noisy.Width, noisy.Height) };
        var request = new RunRecord
        {
            Id = RunId.New($"denoise-{options.Norm}", time.GetUtcNow()),
            Kind = RunKinds.Denoise,
            Denoise = config with { Options = options, Width = noisy.Width, Height = noisy.Height, HasClean = clean is not null },
        };
        return RunDirectory.Create(artifactsDir, Runs.Run.New(request, time), d => d.WriteInputImages(noisy, clean), limits, time);
    }

    /// <summary>
    /// Runs the queued denoising run in <paramref name="dir"/> to its end on the calling thread (dispose scopes are
    /// thread-static) and returns how it ended; run.json holds the final status before <see cref="RunEnded"/> reaches
    /// <paramref name="sink"/>. Never throws for a failure of the run itself: it ends failed with the cause.
    /// </summary>
    /// <param name="dir">A run folder of kind denoise whose status is queued.</param>
    /// <param name="device">Where the tensors live.</param>
    /// <param name="sink">Receives every event after metrics.jsonl has it; its exceptions are contained.</param>
    /// <param name="observer">Receives the denoiser's own reports (with the estimate as an image), e.g. for a live preview.</param>
    /// <param name="cancellationToken">Stops between two steps (the run ends stopped, keeping its last reported estimate).</param>
    /// <param name="host">The name recorded as the run's <see cref="RunRecord.Host"/>; null: the machine name.</param>
    /// <param name="attempt">The attempt a scheduler granted (its fencing token); null: the run's next.</param>
    public static DenoiseRunResult Run(
        RunDirectory dir, torch.Device device, Action<RunEvent>? sink = null, IProgress<MlProgress>? observer = null,
        CancellationToken cancellationToken = default, string? host = null, long? attempt = null)
    {
        ArgumentNullException.ThrowIfNull(dir);
        ArgumentNullException.ThrowIfNull(device);
        var clock = Stopwatch.StartNew();
        var storage = new RecordingSink(dir, sink, cancellationToken);
        try
        {
            var config = dir.ReadRun().DenoiseConfig();
            var options = config.Options;
            var (noisy, clean) = dir.ReadInputImages();
            var deviceName = device.type.ToString().ToLowerInvariant();
            storage.Attempt = dir.Start(host ?? Environment.MachineName, attempt, r => r with
            {
                Versions = RuntimeVersions.Collect(),
                Device = deviceName,
            });
            using var alive = storage.KeepAlive();
            storage.Publish(new RunStarted(dir.Id, RunKinds.Denoise, deviceName, TotalEpochs: 0, BatchesPerEpoch: 0));
            var psnrInput = clean is null ? (double?)null : Psnr(noisy, clean);
            var reports = new Reports(dir.Id, storage, observer);
            DenoiseResult result;
            try
            {
                result = TvDenoiser.Run(noisy, clean, options, device, reports, storage.Token);
            }
            catch (OperationCanceledException) when (storage.Token.IsCancellationRequested)
            {
                if (storage.LeaseLost is { } lost)
                    return new DenoiseRunResult(dir.Id, RunStatus.Interrupted, lost, null);
                if (storage.Failure is { } failure)
                    return End(dir, storage, RunStatus.Failed, failure, clock, null);
                return Stopped(dir, storage, reports.Last, options, psnrInput, clock);
            }

            if (result.Diverged)
            {
                var at = result.DivergedAtStep ?? 0;
                storage.Publish(new Diverged(dir.Id, 0, at, double.IsFinite(result.FinalLoss) ? result.FinalLoss : null));
                storage.Publish(new DenoiseFinished(dir.Id, at, result.FinalLoss, result.PsnrInput, result.PsnrOutput, result.Seconds, HasImage: false));
                return End(dir, storage, RunStatus.Diverged, result.DivergenceMessage, clock, result);
            }

            storage.Guard(() => dir.WriteOutputImage(result.Output!));
            storage.Publish(new DenoiseFinished(dir.Id, options.Steps, result.FinalLoss, result.PsnrInput, result.PsnrOutput, result.Seconds, HasImage: true));
            return End(dir, storage, storage.Failure is null ? RunStatus.Completed : RunStatus.Failed, storage.Failure, clock, result);
        }
        catch (RunLeaseLostException e) when (storage.Attempt is not null)
        {
            return new DenoiseRunResult(dir.Id, RunStatus.Interrupted, RecordingSink.OneLine(e), null);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or RunStatusChangeException or RunLeaseLostException))
        {
            return End(dir, storage, RunStatus.Failed, RecordingSink.OneLine(ex), clock, null);
        }
    }

    private static DenoiseRunResult Stopped(
        RunDirectory dir, RecordingSink storage, MlProgress? last, DenoiseOptions options, double? psnrInput, Stopwatch clock)
    {
        var c = CultureInfo.InvariantCulture;
        if (last is null)
        {
            storage.Publish(new DenoiseFinished(dir.Id, 0, double.NaN, psnrInput, null, clock.Elapsed.TotalSeconds, HasImage: false));
            return End(dir, storage, RunStatus.Stopped, "stopped before its first report: no estimate to keep", clock, null);
        }

        storage.Guard(() => dir.WriteOutputImage(last.Preview));
        storage.Publish(new DenoiseFinished(dir.Id, last.Step, last.Loss, psnrInput, last.Psnr, clock.Elapsed.TotalSeconds, HasImage: true));
        return End(dir, storage, RunStatus.Stopped,
            string.Create(c, $"stopped at step {last.Step}/{options.Steps}; output.png is the estimate of that step"), clock, null);
    }

    private static DenoiseRunResult End(
        RunDirectory dir, RecordingSink storage, RunStatus status, string? message, Stopwatch clock, DenoiseResult? result)
    {
        RecipeEnd.End(dir, storage, status, message, clock);
        return storage.LeaseLost is { } lost
            ? new DenoiseRunResult(dir.Id, RunStatus.Interrupted, lost, null)
            : new DenoiseRunResult(dir.Id, status, message, result);
    }

    private static double Psnr(RgbImage estimate, RgbImage reference)
    {
        using var scope = torch.NewDisposeScope();
        return ImageTensors.Psnr(ImageTensors.ToTensor(estimate, torch.CPU), ImageTensors.ToTensor(reference, torch.CPU));
    }

    // A direct IProgress (Progress<T> would post to a captured context): each report is recorded, then observed.
    private sealed class Reports(string runId, RecordingSink storage, IProgress<MlProgress>? observer) : IProgress<MlProgress>
    {
        public MlProgress? Last { get; private set; }

        public void Report(MlProgress value)
        {
            // A non-finite estimate is no image worth keeping; the run is about to end diverged anyway.
            if (double.IsFinite(value.Loss))
                Last = value;
            storage.Publish(new WireProgress(runId, value.Step, value.Steps, value.Loss, value.Psnr));
            observer?.Report(value);
        }
    }
}
