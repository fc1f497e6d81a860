using System.Diagnostics;
using Hw4.Ml.Imaging;
using Hw4.Ml.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Denoising;

/// <summary>
/// Chambolle–Pock's primal-dual iteration (Chambolle and Pock 2011, algorithm 1 with θ = 1) on the same loss as
/// <see cref="TvLoss"/>: min over J of G(J) + F(KJ) with G(J) = N(I − J), K = the forward differences (∂x, ∂y) and
/// F(q) = α·N(q). Both proximal maps are closed-form: for l1, a clamp of the dual to [−α, α] and a soft threshold of J
/// towards I; for l2 (squared), two scalings. Steps τ = <c>Lr</c> and σ = 1/(8τ) satisfy τσ‖K‖² ≤ 1 (‖K‖² ≤ 8), which
/// keeps it stable for every τ &gt; 0. Each step is 17 in-place element-wise operations on preallocated buffers: no
/// autograd graph and no allocation, where a gd step by autograd allocates about a dozen image-sized tensors.
/// The loss is only evaluated when a report is due and at the end, which is also where divergence is checked.
/// </summary>
internal static class TvPrimalDual
{
    public static DenoiseResult Run(
        Tensor i, Tensor? clean, DenoiseOptions options, IProgress<DenoiseProgress>? progress, CancellationToken cancellationToken)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (height, width) = (i.shape[1], i.shape[2]);
        var l1 = options.Norm == DenoiseNorm.L1;
        var tau = options.Lr;
        var sigma = 1.0 / (8.0 * tau);
        using var tauS = tau.ToScalar();
        using var minusTauS = (-tau).ToScalar();
        using var sigmaS = sigma.ToScalar();
        using var minusSigmaS = (-sigma).ToScalar();
        using var alphaS = options.Alpha.ToScalar();
        using var minusAlphaS = (-options.Alpha).ToScalar();
        // prox of σF* for F = α·Σq²: q / (1 + σ/(2α)); α = 0 gives 0, as F* is then the indicator of {0}.
        using var dualScaleS = (options.Alpha > 0 ? 1.0 / (1.0 + sigma / (2.0 * options.Alpha)) : 0.0).ToScalar();
        using var twoTauS = (2.0 * tau).ToScalar();
        using var onePlusTwoTauS = (1.0 + 2.0 * tau).ToScalar();
        using var twoS = 2.0.ToScalar();
        using var minusOneS = (-1.0).ToScalar();

        var x = i.clone();
        var xBar = i.clone();
        var v = empty_like(i);
        var px = zeros(i.shape[0], height, width - 1, dtype: i.dtype, device: i.device);
        var py = zeros(i.shape[0], height - 1, width, dtype: i.dtype, device: i.device);

        var initialLoss = TvLoss.Compute(i, x, options.Alpha, options.Norm).ReadDouble();
        var lastFiniteLoss = initialLoss;
        var stopwatch = Stopwatch.StartNew();
        for (var step = 1; step <= options.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (NewDisposeScope())
            {
                // Dual ascent p ← prox_σF*(p + σ·K·x̄).
                px.add_(xBar.narrow(2, 1, width - 1), sigmaS).add_(xBar.narrow(2, 0, width - 1), minusSigmaS);
                py.add_(xBar.narrow(1, 1, height - 1), sigmaS).add_(xBar.narrow(1, 0, height - 1), minusSigmaS);
                if (l1)
                {
                    px.clamp_(minusAlphaS, alphaS);
                    py.clamp_(minusAlphaS, alphaS);
                }
                else
                {
                    px.mul_(dualScaleS);
                    py.mul_(dualScaleS);
                }

                // Primal descent v = x − τ·Kᵀp, with (Kᵀp)_k = p_(k−1) − p_k (zero beyond the borders).
                v.copy_(x);
                v.narrow(2, 0, width - 1).add_(px, tauS);
                v.narrow(2, 1, width - 1).add_(px, minusTauS);
                v.narrow(1, 0, height - 1).add_(py, tauS);
                v.narrow(1, 1, height - 1).add_(py, minusTauS);

                // v ← prox_τG(v). x̄ is free until the extrapolation below, so it holds the clamp.
                if (l1)
                {
                    v.sub_(i);
                    xBar.copy_(v).clamp_(minusTauS, tauS);
                    v.sub_(xBar).PlusInPlace(i);
                }
                else
                {
                    v.add_(i, twoTauS).div_(onePlusTwoTauS);
                }

                // x̄ ← 2·x_new − x_old, written over x_old; then rotate the three buffers.
                x.mul_(minusOneS).add_(v, twoS);
                (x, xBar, v) = (v, x, xBar);
            }

            if (progress is not null && (step % options.ReportEvery == 0 || step == options.Steps))
            {
                // A report's loss, PSNR and preview are the observer's cost, not the solver's: the clock pauses, so the
                // time does not depend on how often a run reports.
                stopwatch.Stop();
                using var reportScope = NewDisposeScope();
                var loss = TvLoss.Compute(i, x, options.Alpha, options.Norm).ReadDouble();
                if (!double.IsFinite(loss))
                {
                    return new DenoiseResult(options, DenoiseStatus.Diverged, initialLoss, lastFiniteLoss,
                        clean is null ? null : ImageTensors.Psnr(i, clean), null, stopwatch.Elapsed.TotalSeconds,
                        Output: null, DivergedAtStep: step);
                }

                lastFiniteLoss = loss;
                progress.Report(new DenoiseProgress(
                    step,
                    options.Steps,
                    loss,
                    clean is null ? null : ImageTensors.Psnr(ImageTensors.Quantize(x), clean),
                    ImageTensors.ToPreview(x, options.PreviewMaxSide)));
                stopwatch.Start();
            }
        }

        return TvDenoiser.Finish(i, x, clean, options, initialLoss, stopwatch.Elapsed.TotalSeconds, lastFiniteLoss, lastFiniteEstimate: null);
    }
}
