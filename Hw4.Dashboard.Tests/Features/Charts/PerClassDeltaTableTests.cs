using Hw4.Dashboard.Features.Charts;

namespace Hw4.Dashboard.Tests.Features.Charts;

public sealed class PerClassDeltaTableTests
{
    [Fact]
    public void Create_ThreeRuns_DeltasAgainstTheFirstInSelectionOrder()
    {
        var table = PerClassDeltaTable.Create(
        [
            ("a", new Dictionary<string, double> { ["cat"] = 0.5, ["dog"] = 0.8 }),
            ("b", new Dictionary<string, double> { ["cat"] = 0.6, ["dog"] = 0.7 }),
            ("c", null),
        ]);

        Assert.NotNull(table);
        Assert.Equal("a", table.BaselineRun);
        Assert.Equal(["b", "c"], table.OtherRuns);
        Assert.Equal(["cat", "dog"], table.Rows.Select(r => r.Class));
        Assert.Equal(0.5, table.Rows[0].Baseline);
        Assert.Equal(0.1, table.Rows[0].Deltas[0]!.Value, 12);
        Assert.Equal(-0.1, table.Rows[1].Deltas[0]!.Value, 12);
        Assert.Null(table.Rows[0].Deltas[1]);
    }

    [Fact]
    public void Create_OneRunOrNoEvaluations_ReturnsNull()
    {
        Assert.Null(PerClassDeltaTable.Create([("a", new Dictionary<string, double> { ["cat"] = 1 })]));
        Assert.Null(PerClassDeltaTable.Create([("a", null), ("b", null)]));
    }

    [Fact]
    public void ToBars_TwoRuns_OneSeriesOfSignedPointLabels()
    {
        var table = PerClassDeltaTable.Create(
        [
            ("a", new Dictionary<string, double> { ["cat"] = 0.5 }),
            ("b", new Dictionary<string, double> { ["cat"] = 0.75 }),
        ])!;

        var bars = table.ToBars();

        Assert.Equal(["cat"], bars.Categories);
        var series = Assert.Single(bars.Series);
        Assert.Equal("b − a", series.Name);
        // In percentage points, the unit of the labels and of the table: 75 % − 50 % is +25 pp.
        Assert.Equal([25.0], series.Values);
        Assert.Equal(["+25.0"], series.Labels!);
        Assert.False(bars.Percent);
    }
}
