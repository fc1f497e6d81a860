using Hw4.Ml.Models;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Models;

public sealed class ResidualBlockTests
{
    [Fact]
    public void Forward_ZeroedConvs_IsReluOfInput()
    {
        using var block = new ResidualBlock(4);
        using (no_grad())
        {
            foreach (var p in block.parameters())
            {
                p.zero_();
            }
        }

        using var scope = NewDisposeScope();
        var generator = new Generator(7);
        var x = randn([2, 4, 5, 5], generator: generator);

        var y = block.forward(x);

        Assert.True(y.eq(nn.functional.relu(x)).all().item<bool>());
        Assert.True((x < 0).any().item<bool>(), "the input must contain negatives for ReLU to matter");
    }

    [Fact]
    public void Forward_RandomWeights_PreservesShape()
    {
        manual_seed(3);
        using var block = new ResidualBlock(3);
        using var scope = NewDisposeScope();

        var y = block.forward(rand(1, 3, 6, 6));

        Assert.Equal(new long[] { 1, 3, 6, 6 }, y.shape);
        Assert.Equal(2 * (3 * 3 * 9 + 3), block.parameters().Sum(p => p.numel()));
    }
}
