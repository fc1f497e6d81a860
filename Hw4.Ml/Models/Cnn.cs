using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Hw4.Ml.Models;

/// <summary>
/// The seed homework's CNN (387,810 parameters) for 3×32×32 inputs: three conv(3×3, pad 1)+ReLU blocks each followed
/// by 2×2 max-pooling, a fourth conv+ReLU block, flatten (100×4×4 = 1600), Linear 1600→100, ReLU, Linear 100→10.
/// Components are named "0"…"10" like the reference's <c>nn.Sequential</c> (conv blocks are themselves
/// Sequential(Conv2d, ReLU), so keys read e.g. <c>0.0.weight</c>) so a PyTorch state dict maps one to one.
/// </summary>
public sealed class Cnn : Module<Tensor, Tensor>
{
    [ComponentName(Name = "0")] private readonly Sequential _conv1;
    [ComponentName(Name = "1")] private readonly MaxPool2d _pool1;
    [ComponentName(Name = "2")] private readonly Sequential _conv2;
    [ComponentName(Name = "3")] private readonly MaxPool2d _pool2;
    [ComponentName(Name = "4")] private readonly Sequential _conv3;
    [ComponentName(Name = "5")] private readonly MaxPool2d _pool3;
    [ComponentName(Name = "6")] private readonly Sequential _conv4;
    [ComponentName(Name = "7")] private readonly Flatten _flatten;
    [ComponentName(Name = "8")] private readonly Linear _fc1;
    [ComponentName(Name = "9")] private readonly ReLU _relu;
    [ComponentName(Name = "10")] private readonly Linear _fc2;

    /// <summary>Creates the network with PyTorch-default initialisation.</summary>
    public Cnn() : base(nameof(Cnn))
    {
        _conv1 = ConvBlock(3, 50);
        _pool1 = MaxPool2d(2);
        _conv2 = ConvBlock(50, 100);
        _pool2 = MaxPool2d(2);
        _conv3 = ConvBlock(100, 100);
        _pool3 = MaxPool2d(2);
        _conv4 = ConvBlock(100, 100);
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
        x = _pool3.forward(_conv3.forward(x));
        x = _flatten.forward(_conv4.forward(x));
        return _fc2.forward(_relu.forward(_fc1.forward(x)));
    }

    /// <summary>conv(cin, cout) of the reference: Sequential(Conv2d 3×3 pad 1, ReLU).</summary>
    internal static Sequential ConvBlock(long inChannels, long outChannels) =>
        Sequential(Conv2d(inChannels, outChannels, kernel_size: 3, padding: 1), ReLU());
}
