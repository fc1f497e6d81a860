using Hw4.Ml.Models;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Models;

public sealed class ModelFactoryTests
{
    [Theory]
    [InlineData(ModelKind.Cnn, 387_810L)]
    [InlineData(ModelKind.Residual, 568_010L)]
    public void Create_EachKind_HasSeedParameterCount(ModelKind kind, long expected)
    {
        using var model = ModelFactory.Create(kind);

        Assert.Equal(expected, ModelSummary.CountParameters(model));
    }

    [Theory]
    [InlineData(ModelKind.Cnn)]
    [InlineData(ModelKind.Residual)]
    public void Forward_BatchOfTwo_GivesTwoByTenLogits(ModelKind kind)
    {
        manual_seed(1);
        using var model = ModelFactory.Create(kind);
        using var scope = NewDisposeScope();
        var x = rand(2, 3, 32, 32);

        var y = model.forward(x);

        Assert.Equal(new long[] { 2, 10 }, y.shape);
        Assert.Equal(ScalarType.Float32, y.dtype);
        Assert.True(isfinite(y).all().item<bool>());
    }

    [Fact]
    public void StateDict_Cnn_UsesReferenceKeys()
    {
        using var model = ModelFactory.Create(ModelKind.Cnn);

        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Equal(
            new[] { "0.0.weight", "0.0.bias", "2.0.weight", "2.0.bias", "4.0.weight", "4.0.bias", "6.0.weight", "6.0.bias", "8.weight", "8.bias", "10.weight", "10.bias" }.ToHashSet(),
            keys);
    }

    [Fact]
    public void StateDict_Residual_UsesReferenceKeys()
    {
        using var model = ModelFactory.Create(ModelKind.Residual);

        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Contains("4.c1.weight", keys);
        Assert.Contains("4.c2.bias", keys);
        Assert.Contains("6.c2.weight", keys);
        Assert.Contains("0.0.weight", keys);
        Assert.Contains("10.bias", keys);
        Assert.Equal(16, keys.Count);
    }

    [Theory]
    [InlineData("cnn", ModelKind.Cnn)]
    [InlineData(" Residual ", ModelKind.Residual)]
    public void ParseKind_KnownName_ReturnsKind(string value, ModelKind expected)
    {
        Assert.Equal(expected, ModelFactory.ParseKind(value));
        Assert.Equal(expected, ModelFactory.ParseKind(ModelFactory.Name(expected)));
    }

    [Fact]
    public void ParseKind_UnknownName_ThrowsNamingValue()
    {
        var ex = Assert.Throws<ArgumentException>(() => ModelFactory.ParseKind("resnet50"));

        Assert.Contains("'resnet50'", ex.Message);
        Assert.Contains("cnn or residual", ex.Message);
    }
}
