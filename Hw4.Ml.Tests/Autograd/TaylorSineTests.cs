using Hw4.Ml.Autograd;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Autograd;

public sealed class TaylorSineTests
{
    [Fact]
    public void Evaluate_ScalarAtQuarterPi_GradientMatchesCosWithin1e6()
    {
        using var scope = NewDisposeScope();
        var x = tensor((float)(Math.PI / 4)).requires_grad_();

        var y = TaylorSine.Evaluate(x, TaylorSine.DefaultTerms);
        y.backward();

        Assert.Equal(Math.Sin(Math.PI / 4), y.item<float>(), 1e-6);
        Assert.Equal(Math.Cos(Math.PI / 4), x.grad!.item<float>(), 1e-6);
    }

    [Fact]
    public void Evaluate_ManyTermsInFloat64_DoesNotOverflow()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { -Math.PI, 1.0, Math.PI }, dtype: ScalarType.Float64);

        var y = TaylorSine.Evaluate(x, 200);

        var values = y.data<double>().ToArray();
        Assert.All(values, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(Math.Sin(1.0), values[1], 1e-12);
    }

    [Fact]
    public void Evaluate_ZeroTerms_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TaylorSine.Evaluate(tensor(1f), 0));
}
