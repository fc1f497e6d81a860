using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Runtime;

public sealed class TorchSharpLoadTests
{
    [Fact]
    public void Backward_SquareAtTwo_GivesFour()
    {
        using var x = tensor(2.0f, requires_grad: true);
        using var y = x * x;

        y.backward();

        Assert.Equal(4.0f, x.grad!.item<float>(), 6);
    }
}
