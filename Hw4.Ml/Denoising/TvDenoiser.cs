using System.Diagnostics;
using Hw4.Ml.Imaging;
using Hw4.Ml.Runtime;
using Hw4.Ml.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Denoising;

/// <summary>
/// Total-variation denoising: J starts as a copy of I and descends <see cref="TvLoss"/>, by autograd (gd, adam) or by
/// the closed-form primal-dual iteration (<see cref="TvPrimalDual"/>). A non-finite loss ends the run as
/// <see cref="DenoiseStatus.Diverged"/> at that step, keeping the last finite loss and PSNR and writing no image.
/// Runs synchronously on the caller's thread (dispose scopes are thread-static); cancellation is checked between steps.
/// </summary>
public static class TvDenoiser
{
    /// <summary>Denoises <paramref name="noisy"/> on <paramref name="device"/>; <paramref name="clean"/> (same size) enables PSNR.</summary>
    public static DenoiseResult Run(
        RgbImage noisy,
        RgbImage? clean,
        DenoiseOptions options,
        Device device,
        IProgress<DenoiseProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(noisy);
        if (clean is not null && (clean.Width != noisy.Width || clean.Height != noisy.Height))
            throw new ArgumentException(
                $"The clean image is {clean.Width}x{clean.Height} but the noisy one is {noisy.Width}x{noisy.Height}.", nameof(clean));

        using var scope = NewDisposeScope();
        var i = ImageTensors.ToTensor(noisy, device);
        var reference = clean is null ? null : ImageTensors.ToTensor(clean, device);
        return Run(i, reference, options, progress, cancellationToken);
    }

    /// <summary>Denoises a float C×H×W tensor on the 0–255 scale; <paramref name="clean"/> (same shape) enables PSNR.</summary>
    public static DenoiseResult Run(
        Tensor noisy,
        Tensor? clean,
        DenoiseOptions options,
        IProgress<DenoiseProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(noisy);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (noisy.dim() != 3 || noisy.shape[1] < 2 || noisy.shape[2] < 2)
            throw new ArgumentException($"Expected a CxHxW image of at least 2x2 pixels, got [{string.Join(", ", noisy.shape)}].", nameof(noisy));

        return options.Optimizer == DenoiseOptimizer.PrimalDual
            ? TvPrimalDual.Run(noisy.detach(), clean, options, progress, cancellationToken)
            : RunAutograd(noisy.detach(), clean, options, progress, cancellationToken);
    }

    private static DenoiseResult RunAutograd(
        Tensor i, Tensor? clean, DenoiseOptions options, IProgress<DenoiseProgress>? progress, CancellationToken cancellationToken)
    {
        using var scope = NewDisposeScope();
        // A Parameter is a leaf tensor that requires grad, which is what both update rules need.
        using var j = new TorchSharp.Modules.Parameter(i.clone(), requires_grad: true);
        using var adam = options.Optimizer == DenoiseOptimizer.Adam ? new Hw4.Ml.Training.Adam([j], options.Lr) : null;
        // The estimate before the last update: when a step's loss is not finite, this is the last J whose loss was.
        // Only kept when there is a clean image to measure it against (one image copy per step).
        var previous = clean is null ? null : i.clone();

        double initialLoss;
        using (no_grad())
            initialLoss = TvLoss.Compute(i, j, options.Alpha, options.Norm).ReadDouble();

        var lastFiniteLoss = initialLoss;
        var stopwatch = Stopwatch.StartNew();
        for (var step = 1; step <= options.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stepScope = NewDisposeScope();
            var loss = TvLoss.Compute(i, j, options.Alpha, options.Norm);
            // One scalar to the host per step: on the CPU it costs nothing; it is what makes divergence an outcome.
            var lossValue = loss.ReadDouble();
            if (!double.IsFinite(lossValue))
            {
                var seconds = stopwatch.Elapsed.TotalSeconds;
                // At step 1 J is still I, so there is no earlier estimate than the (finite) input.
                var lastPsnr = clean is null ? (double?)null
                    : ImageTensors.Psnr(ImageTensors.Quantize(step == 1 ? i : previous!), clean);
                return new DenoiseResult(options, DenoiseStatus.Diverged, initialLoss, lastFiniteLoss,
                    clean is null ? null : ImageTensors.Psnr(i, clean), lastPsnr, seconds, Output: null, DivergedAtStep: step);
            }

            lastFiniteLoss = lossValue;
            loss.backward();
            using (no_grad())
            {
                previous?.copy_(j);
                if (adam is not null)
                {
                    adam.step();
                    adam.zero_grad();
                }
                else
                {
                    var grad = j.grad!;
                    j.PlusScaledInPlace(grad, -options.Lr);
                    grad.zero_();
                }
            }

            // The only device-to-host copies besides the loss: when a report is due.
            if (progress is not null && (step % options.ReportEvery == 0 || step == options.Steps))
            {
                // The report's PSNR and preview are the observer's cost, not the optimiser's: the clock pauses, so the
                // time does not depend on how often a run reports (the report shows every step's curve).
                stopwatch.Stop();
                progress.Report(new DenoiseProgress(
                    step,
                    options.Steps,
                    lossValue,
                    clean is null ? null : ImageTensors.Psnr(ImageTensors.Quantize(j), clean),
                    ImageTensors.ToPreview(j, options.PreviewMaxSide)));
                stopwatch.Start();
            }
        }

        return Finish(i, j, clean, options, initialLoss, stopwatch.Elapsed.TotalSeconds, lastFiniteLoss, previous);
    }

    /// <summary>
    /// The result for a finished estimate <paramref name="j"/>. Should the last update have made its loss non-finite,
    /// the run diverged at the last step: <paramref name="lastFiniteLoss"/> and <paramref name="lastFiniteEstimate"/>
    /// (when kept) describe what came before.
    /// </summary>
    internal static DenoiseResult Finish(
        Tensor i, Tensor j, Tensor? clean, DenoiseOptions options, double initialLoss, double seconds,
        double lastFiniteLoss, Tensor? lastFiniteEstimate)
    {
        using var scope = NewDisposeScope();
        using (no_grad())
        {
            var psnrInput = clean is null ? (double?)null : ImageTensors.Psnr(i, clean);
            var finalLoss = TvLoss.Compute(i, j, options.Alpha, options.Norm).ReadDouble();
            if (!double.IsFinite(finalLoss))
            {
                var lastPsnr = clean is null || lastFiniteEstimate is null ? (double?)null
                    : ImageTensors.Psnr(ImageTensors.Quantize(lastFiniteEstimate), clean);
                return new DenoiseResult(options, DenoiseStatus.Diverged, initialLoss, lastFiniteLoss, psnrInput, lastPsnr, seconds,
                    Output: null, DivergedAtStep: Math.Max(1, options.Steps));
            }

            var output = ImageTensors.Quantize(j);
            return new DenoiseResult(
                options,
                DenoiseStatus.Completed,
                initialLoss,
                finalLoss,
                psnrInput,
                clean is null ? null : ImageTensors.Psnr(output, clean),
                seconds,
                ImageTensors.ToImage(output));
        }
    }
}
