using Hw4.Dashboard.Features.Charts;
using Hw4.Ml.Autograd;
using TorchSharp;

namespace Hw4.Dashboard.Components.Pages.Autograd;

/// <summary>Runs the Taylor-sine checks for the page and turns the results into chart data.</summary>
public sealed class AutogradState
{
    /// <summary>Points over [−π, π] for the dz/dx check.</summary>
    public const int Points = 100;

    /// <summary>Largest term count on the error-vs-terms curve.</summary>
    public const int MaxTerms = 12;

    /// <summary>The last result.</summary>
    public TaylorResult? Result { get; private set; }

    /// <summary>Error by number of terms.</summary>
    public IReadOnlyList<TaylorTermError> ErrorByTerms { get; private set; } = [];

    /// <summary>dz/dx at the seeded points (markers) over cos x (line).</summary>
    public LiveChartModel GradChart { get; private set; } = NewGradChart();

    /// <summary>sin_taylor(x), the function itself, over sin x on [−π, π].</summary>
    public LiveChartModel ValueChart { get; private set; } = NewValueChart(1);

    /// <summary>max |dz/dx − cos x| against terms (log scale).</summary>
    public LiveChartModel ErrorChart { get; private set; } = NewErrorChart();

    /// <summary>Bumps when the charts are rebuilt, so the page re-creates them.</summary>
    public int Version { get; private set; }

    /// <summary>Computes on <paramref name="device"/> (synchronously: LibTorch work stays on one thread).</summary>
    public void Compute(AutogradForm form, torch.Device device)
    {
        var result = TaylorExperiment.Run(new TaylorOptions(form.X, form.Terms, Points, form.Seed), device);
        var errors = TaylorExperiment.ErrorByTerms(MaxTerms, Points, form.Seed, device);

        var grad = NewGradChart();
        for (var i = 0; i < result.PointXs.Count; i++)
            grad.Add(0, result.PointXs[i], result.PointGrads[i]);
        for (var i = 0; i <= 200; i++)
        {
            var x = -Math.PI + 2 * Math.PI * i / 200;
            grad.Add(1, x, Math.Cos(x));
        }

        var value = NewValueChart(form.Terms);
        var (curveX, curveY) = TaylorExperiment.Curve(form.Terms, CurvePoints, device);
        for (var i = 0; i < curveX.Length; i++)
        {
            value.Add(0, curveX[i], curveY[i]);
            value.Add(1, curveX[i], Math.Sin(curveX[i]));
        }

        var error = NewErrorChart();
        foreach (var e in errors)
            error.Add(0, e.Terms, e.MaxAbsError);

        (Result, ErrorByTerms, GradChart, ValueChart, ErrorChart) = (result, errors, grad, value, error);
        Version++;
    }

    private static LiveChartModel NewGradChart() =>
        new([new ChartSeries("dz/dx (autograd)", "#e91e63", Markers: true, Opacity: 0.9), new ChartSeries("cos x", "#3f51b5", Opacity: 0.6)]);

    /// <summary>Evenly spaced x of the sin_taylor curve.</summary>
    public const int CurvePoints = 201;

    private static LiveChartModel NewValueChart(int terms) =>
        new([new ChartSeries($"sin_taylor(x), {terms} terms", "#e91e63"), new ChartSeries("sin x", "#3f51b5", Opacity: 0.6, Dashed: true)]);

    private static LiveChartModel NewErrorChart() =>
        new([new ChartSeries("max |dz/dx − cos x|", "#3f51b5", Markers: true)]);
}
