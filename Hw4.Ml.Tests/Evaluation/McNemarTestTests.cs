using Hw4.Ml.Evaluation;

namespace Hw4.Ml.Tests.Evaluation;

public sealed class McNemarTestTests
{
    [Fact]
    public void FromCounts_FewDiscordantImages_UsesTheExactBinomialTest()
    {
        // b = 1, c = 9: 2 · P(X ≤ 1) for X ~ Bin(10, ½) = 2 · 11 / 1024.
        var result = McNemarTest.FromCounts(bothRight: 50, firstOnly: 1, secondOnly: 9, bothWrong: 40);

        Assert.Equal(McNemarMethod.ExactBinomial, result.Method);
        Assert.Equal(22.0 / 1024, result.PValue, 12);
        Assert.Null(result.Statistic);
        Assert.Equal(100, result.Images);
    }

    [Fact]
    public void FromCounts_ManyDiscordantImages_UsesChiSquareWithContinuityCorrection()
    {
        // b = 10, c = 25: χ² = (|10 − 25| − 1)² / 35 = 5.6; P(χ²₁ > 5.6) = erfc(√2.8) = 0.0179605 (Python's math.erfc).
        var result = McNemarTest.FromCounts(bothRight: 900, firstOnly: 10, secondOnly: 25, bothWrong: 65);

        Assert.Equal(McNemarMethod.ChiSquareCorrected, result.Method);
        Assert.Equal(5.6, result.Statistic!.Value, 12);
        Assert.Equal(0.017960477526078766, result.PValue, 6);
    }

    [Fact]
    public void FromCounts_NoDiscordantImages_PIsOne()
    {
        var result = McNemarTest.FromCounts(7, 0, 0, 3);

        Assert.Equal((McNemarMethod.NoDiscordantPairs, 1.0), (result.Method, result.PValue));
    }

    [Fact]
    public void FromCounts_EqualDiscordantCounts_PIsOne()
    {
        Assert.Equal(1.0, McNemarTest.FromCounts(0, 12, 12, 0).PValue, 12);
        Assert.Equal(1.0, McNemarTest.FromCounts(0, 40, 40, 0).PValue, 6);
    }

    [Fact]
    public void Compare_TwoClassifiers_CountsEachImageOnceAndIsSymmetric()
    {
        int[] truth = [0, 1, 2, 0, 1, 2, 0, 1];
        var first = new TestPredictions(3, truth, [0, 1, 2, 1, 1, 0, 0, 2]);
        var second = new TestPredictions(5, truth, [0, 0, 2, 0, 1, 2, 1, 1]);

        var result = McNemarTest.Compare(first, second);
        var swapped = McNemarTest.Compare(second, first);

        // Image by image: both right 0, 2, 4; first only 1, 6; second only 3, 5, 7; both wrong none.
        Assert.Equal((8, 3, 2, 3, 0), (result.Images, result.BothRight, result.FirstOnly, result.SecondOnly, result.BothWrong));
        Assert.Equal((result.FirstOnly, result.SecondOnly), (swapped.SecondOnly, swapped.FirstOnly));
        Assert.Equal(result.PValue, swapped.PValue, 12);
    }

    [Fact]
    public void Compare_DifferentTestImages_Throws()
    {
        var first = new TestPredictions(1, [0, 1, 2], [0, 1, 2]);
        var second = new TestPredictions(1, [0, 1, 1], [0, 1, 1]);

        var e = Assert.Throws<ArgumentException>(() => McNemarTest.Compare(first, second));

        Assert.Contains("not evaluated on the same test images", e.Message, StringComparison.Ordinal);
    }
}
