using Hw4.Dashboard.Features.Charts;

namespace Hw4.Dashboard.Tests.Features.Charts;

public sealed class ChartSummaryTests
{
    [Fact]
    public void Of_LineChart_EachSeriesCountLastAndLowest()
    {
        var model = new LiveChartModel([new ChartSeries("val loss"), new ChartSeries("train loss")]);
        model.Add(0, 1, 1.5);
        model.Add(0, 2, 0.9);
        model.Add(0, 3, 1.1);

        Assert.Equal("val loss: 3 points, last 1.1 at epoch 3, lowest 0.9 at epoch 2. train loss: no points yet.", ChartSummary.Of(model, "epoch"));
    }

    [Fact]
    public void Of_Bars_LabelsWhereGivenElseValues()
    {
        var data = new BarChartData(["cat", "dog"], [new BarSeries("b − a", [25.0, -5.0], Labels: ["+25.0", "-5.0"]), new BarSeries("accuracy", [0.5, 0.25])], Percent: true);

        Assert.Equal("b − a: cat +25.0, dog -5.0. accuracy: cat 50 %, dog 25 %.", ChartSummary.Of(data));
    }

    [Fact]
    public void Of_Confusion_SizeAndLargestCellsWithTheirText()
    {
        var data = ConfusionHeatmap.Counts(["cat", "dog"], [[3, 1], [0, 4]]);

        var text = ChartSummary.Of(data, largest: 2);

        Assert.StartsWith("2 × 2 cells (true by predicted); largest: ", text);
        Assert.Contains("true dog, predicted dog: 4 100%", text);
        Assert.Contains("true cat, predicted cat: 3 75%", text);
    }
}
