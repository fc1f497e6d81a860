namespace Hw4.Dashboard.Features.Charts;

/// <summary>
/// The data behind a live line chart: the full series per trace, kept on the server, and what the browser has not
/// received yet. Points are appended to the browser's traces; once a trace in the browser holds more than twice
/// <see cref="MaxDrawn"/> points everything is redrawn min/max-downsampled to <see cref="MaxDrawn"/>, so the browser
/// never holds much more than that (<see cref="FitTo"/> sets it to the chart's width). Thread-safe (events arrive on
/// the pump thread, rendering on the circuit's).
/// </summary>
public class LiveChartModel
{
    private readonly Lock _gate = new();
    private readonly List<double>[] _x;
    private readonly List<double>[] _y;
    private readonly int[] _sent;
    private readonly int[] _drawn;
    private bool _redraw = true;
    private int _maxDrawn;

    /// <summary>A model with one trace per entry of <paramref name="series"/>.</summary>
    public LiveChartModel(IReadOnlyList<ChartSeries> series, int maxDrawn = MinMaxDownsampler.DefaultMaxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDrawn, MinDrawn);
        Series = series;
        _maxDrawn = maxDrawn;
        _x = series.Select(_ => new List<double>()).ToArray();
        _y = series.Select(_ => new List<double>()).ToArray();
        _sent = new int[series.Count];
        _drawn = new int[series.Count];
    }

    /// <summary>The traces.</summary>
    public IReadOnlyList<ChartSeries> Series { get; }

    /// <summary>The fewest points per trace a redraw may be capped at (a min/max bucket needs room for its pair and the ends).</summary>
    public const int MinDrawn = 4;

    /// <summary>The cap on points drawn per trace after a redraw.</summary>
    public int MaxDrawn
    {
        get
        {
            lock (_gate)
                return _maxDrawn;
        }
    }

    /// <summary>
    /// Caps the points drawn per trace at <paramref name="pixels"/>, the chart's width: one point per horizontal pixel,
    /// since more only cost the browser time without changing what it draws (a raw trace keeps each bucket's min and
    /// max, a smooth one evenly spaced points). The series held here stay whole. A new cap redraws.
    /// </summary>
    public void FitTo(int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels, MinDrawn);
        lock (_gate)
        {
            if (pixels == _maxDrawn)
                return;
            _maxDrawn = pixels;
            _redraw = true;
        }
    }

    /// <summary>Points held for trace <paramref name="trace"/>.</summary>
    public int Count(int trace)
    {
        lock (_gate)
            return _x[trace].Count;
    }

    /// <summary>A copy of trace <paramref name="trace"/>'s full data.</summary>
    public (double[] X, double[] Y) Points(int trace)
    {
        lock (_gate)
            return (_x[trace].ToArray(), _y[trace].ToArray());
    }

    /// <summary>Adds one point to a trace.</summary>
    public void Add(int trace, double x, double y)
    {
        lock (_gate)
        {
            _x[trace].Add(x);
            _y[trace].Add(y);
        }
    }

    /// <summary>Replaces a trace's data (e.g. after the smoothing changed); forces a redraw.</summary>
    public void Replace(int trace, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        lock (_gate)
        {
            _x[trace].Clear();
            _x[trace].AddRange(x);
            _y[trace].Clear();
            _y[trace].AddRange(y);
            _redraw = true;
        }
    }

    /// <summary>Empties every trace.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            foreach (var list in _x.Concat(_y))
                list.Clear();
            _redraw = true;
        }
    }

    /// <summary>Marks the browser's copy as lost (a new chart instance): the next update redraws.</summary>
    public void Invalidate()
    {
        lock (_gate)
            _redraw = true;
    }

    /// <summary>Takes what the browser needs now and records it as sent.</summary>
    public ChartUpdate TakeUpdate()
    {
        lock (_gate)
        {
            var tooLong = Enumerable.Range(0, _x.Length).Any(i => _drawn[i] + (_x[i].Count - _sent[i]) > 2 * _maxDrawn);
            if (_redraw || tooLong)
            {
                _redraw = false;
                var xs = new double[_x.Length][];
                var ys = new double[_x.Length][];
                for (var i = 0; i < _x.Length; i++)
                {
                    (xs[i], ys[i]) = MinMaxDownsampler.Downsample(_x[i], _y[i], _maxDrawn, Series[i].Smooth);
                    _sent[i] = _x[i].Count;
                    _drawn[i] = xs[i].Length;
                }

                return new ChartUpdate(true, Enumerable.Range(0, _x.Length).ToArray(), xs, ys);
            }

            var traces = new List<int>();
            var ax = new List<double[]>();
            var ay = new List<double[]>();
            for (var i = 0; i < _x.Length; i++)
            {
                var fresh = _x[i].Count - _sent[i];
                if (fresh <= 0)
                    continue;
                traces.Add(i);
                ax.Add(_x[i].GetRange(_sent[i], fresh).ToArray());
                ay.Add(_y[i].GetRange(_sent[i], fresh).ToArray());
                _sent[i] = _x[i].Count;
                _drawn[i] += fresh;
            }

            return traces.Count == 0 ? ChartUpdate.None : new ChartUpdate(false, traces, ax, ay);
        }
    }
}
