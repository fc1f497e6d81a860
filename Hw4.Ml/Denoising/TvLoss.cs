using Hw4.Ml.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Denoising;

/// <summary>
/// The homework's loss N(I − J) + α·(N(∂J/∂x) + N(∂J/∂y)) with forward differences, on C×H×W tensors of any float
/// dtype and device; N is Σ|t| for l1 and Σt² for l2.
/// </summary>
public static class TvLoss
{
    /// <summary>The scalar loss; differentiable in <paramref name="j"/>.</summary>
    /// <param name="i">The noisy image I (C×H×W).</param>
    /// <param name="j">The estimate J (C×H×W), usually requiring grad.</param>
    /// <param name="alpha">Weight of the smoothness terms.</param>
    /// <param name="norm">The norm N.</param>
    public static Tensor Compute(Tensor i, Tensor j, double alpha, DenoiseNorm norm)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(j);
        using var scope = NewDisposeScope();
        var width = j.shape[2];
        var height = j.shape[1];
        var dx = j.narrow(2, 1, width - 1) - j.narrow(2, 0, width - 1);
        var dy = j.narrow(1, 1, height - 1) - j.narrow(1, 0, height - 1);
        var loss = N(i - j, norm).PlusScaled(N(dx, norm).Plus(N(dy, norm)), alpha);
        return loss.MoveToOuterDisposeScope();
    }

    private static Tensor N(Tensor t, DenoiseNorm norm) => norm switch
    {
        DenoiseNorm.L1 => t.abs().sum(),
        DenoiseNorm.L2 => t.Squared().sum(),
        _ => throw new ArgumentOutOfRangeException(nameof(norm), norm, "Unknown norm."),
    };
}
