using System.Diagnostics;
using Hw4.Ml.Imaging;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Denoising;

/// <summary>
/// Total-variation denoising by autograd: J starts as a copy of I and follows the gradient of <see cref="TvLoss"/>.
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

        using var scope = NewDisposeScope();
        var i = noisy.detach();
        // A Parameter is a leaf tensor that requires grad, which is what both update rules need.
        using var j = new TorchSharp.Modules.Parameter(i.clone(), requires_grad: true);
        using var adam = options.Optimizer == DenoiseOptimizer.Adam ? optim.Adam([j], options.Lr) : null;

        double initialLoss;
        using (no_grad())
            initialLoss = TvLoss.Compute(i, j, options.Alpha, options.Norm).ToDouble();

        var stopwatch = Stopwatch.StartNew();
        for (var step = 1; step <= options.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stepScope = NewDisposeScope();
            var loss = TvLoss.Compute(i, j, options.Alpha, options.Norm);
            loss.backward();
            if (adam is not null)
            {
                adam.step();
                adam.zero_grad();
            }
            else
            {
                using (no_grad())
                {
                    var grad = j.grad!;
                    j.add_(grad, alpha: -options.Lr);
                    grad.zero_();
                }
            }

            // The only device-to-host copies: when a report is due.
            if (progress is not null && (step % options.ReportEvery == 0 || step == options.Steps))
            {
                progress.Report(new DenoiseProgress(
                    step,
                    options.Steps,
                    loss.ToDouble(),
                    clean is null ? null : ImageTensors.Psnr(ImageTensors.Quantize(j), clean),
                    ImageTensors.ToPreview(j, options.PreviewMaxSide)));
            }
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        using (no_grad())
        {
            var finalLoss = TvLoss.Compute(i, j, options.Alpha, options.Norm).ToDouble();
            var output = ImageTensors.Quantize(j);
            return new DenoiseResult(
                options,
                initialLoss,
                finalLoss,
                clean is null ? null : ImageTensors.Psnr(i, clean),
                clean is null ? null : ImageTensors.Psnr(output, clean),
                seconds,
                ImageTensors.ToImage(output));
        }
    }
}
