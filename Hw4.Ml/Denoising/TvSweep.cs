using System.Diagnostics;
using Hw4.Ml.Imaging;
using Hw4.Ml.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Denoising;

/// <summary>
/// Runs a grid norm × α × lr of TV denoising on one image. With gd and <see cref="DenoiseSweepOptions.Batched"/>, the
/// cells of one norm run as one program on K stacked copies of J (K×C×H×W) with per-cell α and lr, whose summed loss
/// has, for each copy, exactly that cell's gradient; a cell whose loss stops being finite is recorded as diverged at
/// that step and then ignored (its copy cannot reach the others: every operation stays within one copy).
/// Runs synchronously on the caller's thread.
/// </summary>
public static class TvSweep
{
    /// <summary>Sweeps <paramref name="options"/>' grid on <paramref name="noisy"/> against <paramref name="clean"/>.</summary>
    public static DenoiseSweepResult Run(
        RgbImage noisy, RgbImage clean, DenoiseSweepOptions options, Device device,
        IProgress<DenoiseSweepPoint>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(noisy);
        ArgumentNullException.ThrowIfNull(clean);
        ArgumentNullException.ThrowIfNull(options);
        if (clean.Width != noisy.Width || clean.Height != noisy.Height)
            throw new ArgumentException(
                $"The clean image is {clean.Width}x{clean.Height} but the noisy one is {noisy.Width}x{noisy.Height}.", nameof(clean));
        using var scope = NewDisposeScope();
        return Run(ImageTensors.ToTensor(noisy, device), ImageTensors.ToTensor(clean, device), options, progress, cancellationToken);
    }

    /// <summary>Sweeps on float C×H×W tensors on the 0–255 scale.</summary>
    public static DenoiseSweepResult Run(
        Tensor noisy, Tensor clean, DenoiseSweepOptions options,
        IProgress<DenoiseSweepPoint>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(noisy);
        ArgumentNullException.ThrowIfNull(clean);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var batched = options.Optimizer == DenoiseOptimizer.Gd && (options.Batched ?? noisy.device_type == DeviceType.CUDA);
        var points = new List<DenoiseSweepPoint>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var norm in options.Norms.Distinct())
        {
            var cells = (from alpha in options.AlphasFor(norm) from lr in options.LrsFor(norm) select (alpha, lr)).ToList();
            if (batched)
            {
                foreach (var chunk in cells.Chunk(options.MaxBatch))
                {
                    foreach (var point in RunBatchedGd(noisy.detach(), clean, norm, chunk, options.Steps, cancellationToken))
                    {
                        points.Add(point);
                        progress?.Report(point);
                    }
                }

                continue;
            }

            foreach (var (alpha, lr) in cells)
            {
                var result = TvDenoiser.Run(noisy, clean, new DenoiseOptions(norm, options.Optimizer, lr, alpha, options.Steps),
                    cancellationToken: cancellationToken);
                var point = new DenoiseSweepPoint(norm, alpha, lr, result.PsnrOutput, result.FinalLoss, result.Diverged,
                    result.Seconds, result.DivergedAtStep);
                points.Add(point);
                progress?.Report(point);
            }
        }

        return new DenoiseSweepResult(points, DenoiseSweepResult.PickBest(points), stopwatch.Elapsed.TotalSeconds, batched);
    }

    private static List<DenoiseSweepPoint> RunBatchedGd(
        Tensor i, Tensor clean, DenoiseNorm norm, IReadOnlyList<(double Alpha, double Lr)> cells, int steps, CancellationToken cancellationToken)
    {
        using var scope = NewDisposeScope();
        var k = cells.Count;
        var (c, h, w) = (i.shape[0], i.shape[1], i.shape[2]);
        var target = i.unsqueeze(0);
        var alphas = tensor(cells.Select(cell => (float)cell.Alpha).ToArray(), dtype: i.dtype, device: i.device);
        var lrs = tensor(cells.Select(cell => (float)-cell.Lr).ToArray(), dtype: i.dtype, device: i.device).view(k, 1, 1, 1);
        using var j = new TorchSharp.Modules.Parameter(target.expand(k, c, h, w).clone(), requires_grad: true);
        var previous = j.detach().clone();

        Tensor Losses(Tensor estimate)
        {
            using var inner = NewDisposeScope();
            var dx = estimate.narrow(3, 1, w - 1) - estimate.narrow(3, 0, w - 1);
            var dy = estimate.narrow(2, 1, h - 1) - estimate.narrow(2, 0, h - 1);
            long[] dims = [1, 2, 3];
            Tensor N(Tensor t) => norm == DenoiseNorm.L1 ? t.abs().sum(dims) : t.Squared().sum(dims);
            return N(target - estimate).Plus(alphas * N(dx).Plus(N(dy))).MoveToOuterDisposeScope();
        }

        double[] Psnrs(Tensor estimates)
        {
            using var inner = NewDisposeScope();
            var mse = (ImageTensors.Quantize(estimates).to(ScalarType.Float64) - clean.unsqueeze(0).to(ScalarType.Float64))
                .Squared().mean([1, 2, 3]).cpu().data<double>().ToArray();
            return mse.Select(m => m == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / m)).ToArray();
        }

        var lastLoss = new double[k];
        var divergedAt = new int?[k];
        var lastPsnr = new double?[k];
        var active = k;
        var stopwatch = Stopwatch.StartNew();
        for (var step = 1; step <= steps && active > 0; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stepScope = NewDisposeScope();
            var losses = Losses(j);
            var host = losses.detach().to(ScalarType.Float64).cpu().data<double>().ToArray();
            for (var n = 0; n < k; n++)
            {
                if (divergedAt[n] is not null)
                    continue;
                if (double.IsFinite(host[n]))
                {
                    lastLoss[n] = host[n];
                    continue;
                }

                divergedAt[n] = step;
                active--;
                // At step 1 the copy is still I; otherwise `previous` holds the last estimate whose loss was finite.
                lastPsnr[n] = Psnrs(previous.narrow(0, n, 1))[0];
            }

            previous.copy_(j.detach());
            losses.sum().backward();
            using (no_grad())
            {
                var grad = j.grad!;
                j.PlusProductInPlace(grad, lrs);
                grad.zero_();
            }
        }

        var seconds = stopwatch.Elapsed.TotalSeconds / k;
        double[] finalLosses;
        double[] finalPsnrs;
        using (no_grad())
        {
            finalLosses = Losses(j).to(ScalarType.Float64).cpu().data<double>().ToArray();
            finalPsnrs = Psnrs(j);
        }

        var points = new List<DenoiseSweepPoint>(k);
        for (var n = 0; n < k; n++)
        {
            var (alpha, lr) = cells[n];
            if (divergedAt[n] is { } at)
                points.Add(new DenoiseSweepPoint(norm, alpha, lr, lastPsnr[n], lastLoss[n], true, seconds, at));
            else if (!double.IsFinite(finalLosses[n]))
                points.Add(new DenoiseSweepPoint(norm, alpha, lr, Psnrs(previous.narrow(0, n, 1))[0], lastLoss[n], true, seconds, Math.Max(1, steps)));
            else
                points.Add(new DenoiseSweepPoint(norm, alpha, lr, finalPsnrs[n], finalLosses[n], false, seconds));
        }

        return points;
    }
}
