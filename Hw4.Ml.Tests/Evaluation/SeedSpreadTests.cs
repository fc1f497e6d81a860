using Hw4.Ml.Evaluation;

namespace Hw4.Ml.Tests.Evaluation;

public sealed class SeedSpreadTests
{
    [Fact]
    public void MeanStd_ThreeValues_SampleStandardDeviation()
    {
        var spread = MeanStd.Of([0.60, 0.62, 0.64]);

        Assert.Equal(0.62, spread.Mean, 12);
        Assert.Equal(0.02, spread.Std!.Value, 12);
        Assert.Equal(3, spread.Count);
    }

    [Fact]
    public void MeanStd_OneValue_HasNoStandardDeviation()
    {
        Assert.Null(MeanStd.Of([0.5]).Std);
    }

    [Fact]
    public void Of_TwoEvaluations_SpreadsOverallAndPerClassInLabelOrder()
    {
        var a = Evaluation(0.5, ("cat", 0.4), ("dog", 0.6));
        var b = Evaluation(0.7, ("cat", 0.6), ("dog", 0.8));

        var spread = SeedSpread.Of([a, b]);

        Assert.Equal(0.6, spread.Accuracy.Mean, 12);
        Assert.Equal(Math.Sqrt(0.02), spread.Accuracy.Std!.Value, 12);
        Assert.Equal(["cat", "dog"], spread.PerClass.Select(p => p.Class));
        Assert.Equal(0.5, spread.PerClass[0].Accuracy.Mean, 12);
        Assert.Equal(0.7, spread.PerClass[1].Accuracy.Mean, 12);
    }

    [Fact]
    public void Of_DifferentClasses_Throws()
    {
        Assert.Throws<ArgumentException>(() => SeedSpread.Of([Evaluation(0.5, ("cat", 0.5)), Evaluation(0.5, ("dog", 0.5))]));
    }

    private static EvaluationSummary Evaluation(double accuracy, params (string Class, double Accuracy)[] perClass) => new(
        "model_1.params", 1, 10, accuracy, perClass.ToDictionary(p => p.Class, p => p.Accuracy), [.. perClass.Select(p => p.Class)],
        [.. perClass.Select(_ => new long[perClass.Length])], [.. perClass.Select(_ => new double[perClass.Length])], perClass[0].Class, null, [], 1);
}
