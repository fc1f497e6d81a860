namespace Hw4.Dashboard.Features.Charts;

/// <summary>
/// Exponential moving average with bias correction, as in TensorBoard's fixed smoothing: the running average starts at
/// 0 and is divided by 1 − β^t, so early points are not dragged towards zero. Non-finite values are passed through and
/// do not disturb the average (a NaN loss stays visible as a gap instead of poisoning the rest of the curve).
/// </summary>
public struct DebiasedEma
{
    private double _average;
    private double _betaPower;

    /// <summary>Starts an average with weight <paramref name="beta"/> in [0, 1); 0 means no smoothing.</summary>
    public DebiasedEma(double beta)
    {
        if (!(beta >= 0 && beta < 1))
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "smoothing must be in [0, 1).");
        Beta = beta;
        _average = 0;
        _betaPower = 1;
    }

    /// <summary>The smoothing weight β.</summary>
    public double Beta { get; }

    /// <summary>Adds <paramref name="value"/> and returns the smoothed value at this point.</summary>
    public double Next(double value)
    {
        if (!double.IsFinite(value))
            return value;
        _average = Beta * _average + (1 - Beta) * value;
        _betaPower *= Beta;
        return _average / (1 - _betaPower);
    }

    /// <summary>Smooths a whole series.</summary>
    public static double[] Smooth(IReadOnlyList<double> values, double beta)
    {
        var ema = new DebiasedEma(beta);
        var result = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
            result[i] = ema.Next(values[i]);
        return result;
    }
}
