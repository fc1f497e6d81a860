using Hw4.Dashboard.Features.Charts;

namespace Hw4.Dashboard.Tests.Features.Charts;

public sealed class MinMaxDownsamplerTests
{
    [Fact]
    public void SelectIndices_ShortSeries_KeepsEverything()
    {
        Assert.Equal([0, 1, 2, 3, 4], MinMaxDownsampler.SelectIndices([1, 2, 3, 4, 5], maxPoints: 10));
    }

    [Fact]
    public void Downsample_LongSeriesWithOneSpike_KeepsSpikeAndEndsWithinCap()
    {
        var n = 100_000;
        var x = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var y = Enumerable.Range(0, n).Select(i => Math.Sin(i / 500.0)).ToArray();
        y[54_321] = 40;
        y[12_345] = -40;

        var (dx, dy) = MinMaxDownsampler.Downsample(x, y, 2000);

        Assert.InRange(dx.Length, 100, 2000);
        Assert.Contains(40, dy);
        Assert.Contains(-40, dy);
        Assert.Equal(0, dx[0]);
        Assert.Equal(n - 1, dx[^1]);
        Assert.True(dx.Zip(dx.Skip(1)).All(p => p.First < p.Second), "x must stay increasing");
    }

    [Fact]
    public void Downsample_EveryBucket_KeepsItsExtremes()
    {
        var y = Enumerable.Range(0, 1000).Select(i => (double)(i % 10)).ToArray();
        var x = Enumerable.Range(0, 1000).Select(i => (double)i).ToArray();

        var (_, dy) = MinMaxDownsampler.Downsample(x, y, 100);

        // 49 buckets of ~20 points, each containing a 0 and a 9.
        Assert.Equal(49, dy.Skip(1).SkipLast(1).Count(v => v == 9));
        Assert.Equal(49, dy.Skip(1).SkipLast(1).Count(v => v == 0));
    }

    [Fact]
    public void Downsample_NaNs_AreNotPickedOverFiniteValues()
    {
        var y = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? double.NaN : i).ToArray();
        var x = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();

        var (_, dy) = MinMaxDownsampler.Downsample(x, y, 10);

        Assert.All(dy.Skip(1), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void SelectEvenly_LongSeries_CapsTheCountKeepsBothEndsAndSpacesEvenly()
    {
        var keep = MinMaxDownsampler.SelectEvenly(10_560, 663);

        Assert.Equal(663, keep.Length);
        Assert.Equal(0, keep[0]);
        Assert.Equal(10_559, keep[^1]);
        var gaps = keep.Zip(keep.Skip(1), (a, b) => b - a).ToArray();
        // 10,559 / 662 = 15.95: every gap is 15 or 16, never a hole or a repeat.
        Assert.All(gaps, g => Assert.InRange(g, 15, 16));
    }

    [Fact]
    public void SelectEvenly_ShortSeries_KeepsEverything()
    {
        Assert.Equal([0, 1, 2], MinMaxDownsampler.SelectEvenly(3, 10));
        Assert.Empty(MinMaxDownsampler.SelectEvenly(0, 10));
    }

    [Fact]
    public void Downsample_Smooth_OnePointPerBucketInsteadOfMinMaxPairs()
    {
        var x = Enumerable.Range(0, 10_000).Select(i => (double)i).ToArray();
        var y = x.Select(v => Math.Exp(-v / 3000)).ToArray();

        var (dx, dy) = MinMaxDownsampler.Downsample(x, y, 500, smooth: true);

        Assert.Equal(500, dx.Length);
        Assert.Equal((0.0, 9999.0), (dx[0], dx[^1]));
        Assert.Equal(y[0], dy[0]);
        Assert.Equal(y[^1], dy[^1]);
    }

    [Fact]
    public void Downsample_MismatchedLengths_ThrowsNamingTheCounts()
    {
        var e = Assert.Throws<ArgumentException>(() => MinMaxDownsampler.Downsample([1, 2], [1], 10));

        Assert.Contains("2 points", e.Message);
    }
}
