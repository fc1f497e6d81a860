using Hw4.Dashboard.Features.Charts;

namespace Hw4.Dashboard.Tests.Features.Charts;

public sealed class ConfusionHeatmapTests
{
    private static readonly string[] Classes = ["cat", "dog"];

    [Fact]
    public void Counts_TwoClasses_LabelsBothAxesAndAnnotatesCountAndRowFraction()
    {
        var data = ConfusionHeatmap.Counts(Classes, [[3, 1], [0, 2]]);

        Assert.Equal(Classes, data.X);
        Assert.Equal(Classes, data.Y);
        Assert.Equal([0.75, 0.25], data.Z[0]);
        Assert.Equal([0.0, 1.0], data.Z[1]);
        Assert.Equal("3<br>75%", data.CellText[0][0]);
        Assert.Equal("1<br>25%", data.CellText[0][1]);
        Assert.Equal("0<br>0%", data.CellText[1][0]);
        Assert.False(data.Diverging);
        Assert.Equal((0.0, 1.0), (data.ZMin, data.ZMax));
    }

    [Fact]
    public void Difference_SecondBetterOnCat_RowNormalisedSecondMinusFirstOnSymmetricScale()
    {
        var data = ConfusionHeatmap.Difference(Classes, [[2, 2], [1, 3]], [[3, 1], [1, 3]]);

        // Percentage points, as the cells read: +25.0 and −25.0.
        Assert.Equal([25.0, -25.0], data.Z[0]);
        Assert.Equal([0.0, 0.0], data.Z[1]);
        Assert.Equal(["+25.0", "-25.0"], data.CellText[0]);
        Assert.Equal("0", data.CellText[1][0]);
        Assert.True(data.Diverging);
        Assert.Equal((-25.0, 25.0), (data.ZMin, data.ZMax));
        Assert.Equal("pp", data.ColorBarTitle);
    }

    [Fact]
    public void Difference_IdenticalMatrices_KeepsANonEmptyScale()
    {
        var data = ConfusionHeatmap.Difference(Classes, [[1, 0], [0, 1]], [[1, 0], [0, 1]]);

        Assert.Equal((-1.0, 1.0), (data.ZMin, data.ZMax));
    }

    [Fact]
    public void Counts_MatrixSizeDiffersFromClasses_ThrowsNamingTheSize()
    {
        var ex = Assert.Throws<ArgumentException>(() => ConfusionHeatmap.Counts(Classes, [[1, 2, 3]]));

        Assert.Contains("2×2", ex.Message);
    }
}
