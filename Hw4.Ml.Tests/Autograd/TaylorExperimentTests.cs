using Hw4.Ml.Autograd;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Autograd;

public sealed class TaylorExperimentTests
{
    [Fact]
    public void Run_DefaultTerms_EveryOneOf100PointsWithin1e5OfCos()
    {
        var result = TaylorExperiment.Run(new TaylorOptions(Seed: 7), CPU);

        Assert.Equal(100, result.Points);
        Assert.Equal(100, result.PointGrads.Count);
        for (var i = 0; i < result.Points; i++)
        {
            Assert.InRange(result.PointXs[i], -Math.PI, Math.PI);
            Assert.True(Math.Abs(result.PointGrads[i] - Math.Cos(result.PointXs[i])) <= 1e-5,
                $"x={result.PointXs[i]} grad={result.PointGrads[i]}");
        }

        Assert.True(result.MaxAbsErrorOverPoints <= 1e-5);
        Assert.True(result.GradAbsError <= 1e-6);
    }

    [Fact]
    public void Run_ThreeTerms_FailsTheTolerance()
    {
        var result = TaylorExperiment.Run(new TaylorOptions(Terms: 3, Seed: 7), CPU);

        Assert.True(result.MaxAbsErrorOverPoints > 1e-5, $"error {result.MaxAbsErrorOverPoints}");
    }

    [Fact]
    public void Run_SameSeed_SamePoints()
    {
        var a = TaylorExperiment.Run(new TaylorOptions(Points: 10, Seed: 3), CPU);
        var b = TaylorExperiment.Run(new TaylorOptions(Points: 10, Seed: 3), CPU);

        Assert.Equal(a.PointXs, b.PointXs);
    }

    [Fact]
    public void ErrorByTerms_MoreTerms_ErrorFallsBelowToleranceByDefault()
    {
        var curve = TaylorExperiment.ErrorByTerms(TaylorSine.DefaultTerms, 100, 0, CPU);

        Assert.Equal(Enumerable.Range(1, TaylorSine.DefaultTerms), curve.Select(p => p.Terms));
        Assert.True(curve[0].MaxAbsError > curve[4].MaxAbsError);
        Assert.True(curve[^1].MaxAbsError <= 1e-5);
    }
}
