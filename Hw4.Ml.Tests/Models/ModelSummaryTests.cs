using Hw4.Ml.Models;

namespace Hw4.Ml.Tests.Models;

public sealed class ModelSummaryTests
{
    [Theory]
    [InlineData(ModelKind.Cnn, 387_810L)]
    [InlineData(ModelKind.Residual, 568_010L)]
    public void Compute_EachKind_TotalsEqualSeedCounts(ModelKind kind, long expected)
    {
        using var model = ModelFactory.Create(kind);

        var summary = ModelSummary.Compute(model);

        Assert.Equal(expected, summary.TotalParameters);
        Assert.Equal(expected, summary.Layers.Sum(l => l.Parameters));
        Assert.Equal(11, summary.Layers.Count);
    }

    [Fact]
    public void Compute_Cnn_ListsReferenceShapesInOrder()
    {
        using var model = ModelFactory.Create(ModelKind.Cnn);

        var summary = ModelSummary.Compute(model);

        Assert.Equal(
            new[] { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10" },
            summary.Layers.Select(l => l.Name));
        Assert.Equal(new long[] { 1, 50, 32, 32 }, summary.Layers[0].OutputShape);
        Assert.Equal("Conv2d+ReLU", summary.Layers[0].Type);
        Assert.Equal(1_400, summary.Layers[0].Parameters);
        Assert.Equal(new long[] { 1, 100, 4, 4 }, summary.Layers[6].OutputShape);
        Assert.Equal(new long[] { 1, 1600 }, summary.Layers[7].OutputShape);
        Assert.Equal(new long[] { 1, 10 }, summary.Layers[10].OutputShape);
    }

    [Fact]
    public void Compute_Residual_NamesResidualBlocks()
    {
        using var model = ModelFactory.Create(ModelKind.Residual);

        var summary = ModelSummary.Compute(model);

        Assert.Equal(nameof(ResidualBlock), summary.Layers[4].Type);
        Assert.Equal(180_200, summary.Layers[4].Parameters);
        Assert.Equal(new long[] { 1, 100, 8, 8 }, summary.Layers[4].OutputShape);
    }
}
