using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Hw4.Ml.Models;

/// <summary>
/// The residual variant of <see cref="Cnn"/> (568,010 parameters): the last two conv blocks (components "4" and "6")
/// are <see cref="ResidualBlock"/>s with identity shortcuts and no normalisation; everything else is identical, and
/// component names follow the reference's <c>nn.Sequential</c> (e.g. <c>4.c1.weight</c>).
/// </summary>
public sealed class ResidualCnn : Module<Tensor, Tensor>
{
    [ComponentName(Name = "0")] private readonly Sequential _conv1;
    [ComponentName(Name = "1")] private readonly MaxPool2d _pool1;
    [ComponentName(Name = "2")] private readonly Sequential _conv2;
    [ComponentName(Name = "3")] private readonly MaxPool2d _pool2;
    [ComponentName(Name = "4")] private readonly ResidualBlock _res3;
    [ComponentName(Name = "5")] private readonly MaxPool2d _pool3;
    [ComponentName(Name = "6")] private readonly ResidualBlock _res4;
    [ComponentName(Name = "7")] private readonly Flatten _flatten;
    [ComponentName(Name = "8")] private readonly Linear _fc1;
    [ComponentName(Name = "9")] private readonly ReLU _relu;
    [ComponentName(Name = "10")] private readonly Linear _fc2;

    /// <summary>Creates the network with PyTorch-default initialisation.</summary>
    public ResidualCnn() : base(nameof(ResidualCnn))
    {
        _conv1 = Cnn.ConvBlock(3, 50);
        _pool1 = MaxPool2d(2);
        _conv2 = Cnn.ConvBlock(50, 100);
        _pool2 = MaxPool2d(2);
        _res3 = new ResidualBlock(100);
        _pool3 = MaxPool2d(2);
        _res4 = new ResidualBlock(100);
        _flatten = Flatten();
        _fc1 = Linear(1600, 100);
        _relu = ReLU();
        _fc2 = Linear(100, 10);
        RegisterComponents();
    }

    /// <summary>Maps an N×3×32×32 batch to N×10 logits.</summary>
    public override Tensor forward(Tensor input)
    {
        // Intermediates are released by the caller's dispose scope; only the logits are returned. Channels-last input
        // keeps every activation NHWC up to the flatten, which copies back to the reference's C×H×W feature order.
        var x = _pool1.forward(_conv1.forward(ChannelsLast.Apply(input)));
        x = _pool2.forward(_conv2.forward(x));
        x = _pool3.forward(_res3.forward(x));
        x = _flatten.forward(_res4.forward(x));
        return _fc2.forward(_relu.forward(_fc1.forward(x)));
    }
}
