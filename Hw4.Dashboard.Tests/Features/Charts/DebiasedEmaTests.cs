using Hw4.Dashboard.Features.Charts;

namespace Hw4.Dashboard.Tests.Features.Charts;

public sealed class DebiasedEmaTests
{
    [Fact]
    public void Smooth_ConstantSeries_StaysConstantFromTheFirstPoint()
    {
        var smoothed = DebiasedEma.Smooth([2.0, 2.0, 2.0, 2.0], 0.9);

        Assert.All(smoothed, v => Assert.Equal(2.0, v, 12));
    }

    [Fact]
    public void Smooth_TwoPoints_MatchesHandComputedDebiasedValues()
    {
        var smoothed = DebiasedEma.Smooth([1.0, 3.0], 0.5);

        // t=1: 0.5*1 / (1-0.5) = 1.  t=2: (0.5*0.5 + 0.5*3) / (1-0.25) = 1.75/0.75.
        Assert.Equal(1.0, smoothed[0], 12);
        Assert.Equal(1.75 / 0.75, smoothed[1], 12);
    }

    [Fact]
    public void Smooth_BetaZero_ReturnsTheInput()
    {
        double[] values = [5, 1, 4];

        Assert.Equal(values, DebiasedEma.Smooth(values, 0));
    }

    [Fact]
    public void Smooth_NaNInTheMiddle_PassesThroughWithoutPoisoningLaterPoints()
    {
        var smoothed = DebiasedEma.Smooth([1.0, double.NaN, 1.0], 0.9);

        Assert.Equal(1.0, smoothed[0], 12);
        Assert.True(double.IsNaN(smoothed[1]));
        Assert.Equal(1.0, smoothed[2], 12);
    }

    [Fact]
    public void Next_StreamedPointByPoint_EqualsWholeSeriesSmoothing()
    {
        var rng = new Random(4);
        var values = Enumerable.Range(0, 50).Select(_ => rng.NextDouble()).ToArray();
        var ema = new DebiasedEma(0.8);

        var streamed = values.Select(ema.Next).ToArray();

        Assert.Equal(DebiasedEma.Smooth(values, 0.8), streamed);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Constructor_BetaOutsideRange_Throws(double beta)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DebiasedEma(beta));
    }
}
