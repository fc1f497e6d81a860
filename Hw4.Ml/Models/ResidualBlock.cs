using Hw4.Ml.Runtime;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Hw4.Ml.Models;

/// <summary>
/// Basic residual block without normalisation: <c>y = ReLU(x + c2(ReLU(c1(x))))</c> with an identity shortcut, so the
/// channel count and spatial size are preserved. Field names <c>c1</c>/<c>c2</c> match the PyTorch reference's
/// <c>Residual</c> so state dict keys line up.
/// </summary>
public sealed class ResidualBlock : Module<Tensor, Tensor>
{
    [ComponentName(Name = "c1")]
    private readonly Conv2d _c1;

    [ComponentName(Name = "c2")]
    private readonly Conv2d _c2;

    /// <summary>Creates a block with two 3×3, padding-1 convolutions of <paramref name="channels"/> → <paramref name="channels"/>.</summary>
    public ResidualBlock(long channels) : base(nameof(ResidualBlock))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        _c1 = Conv2d(channels, channels, kernel_size: 3, padding: 1);
        _c2 = Conv2d(channels, channels, kernel_size: 3, padding: 1);
        RegisterComponents();
    }

    /// <summary>Applies the block to an N×C×H×W batch.</summary>
    public override Tensor forward(Tensor input)
    {
        using var h = functional.relu(_c1.forward(input));
        using var branch = _c2.forward(h);
        using var sum = input.Plus(branch);
        return functional.relu(sum);
    }
}
