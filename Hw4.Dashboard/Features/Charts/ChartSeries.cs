namespace Hw4.Dashboard.Features.Charts;

/// <summary>
/// How one trace looks: name, colour, opacity (raw series are drawn faint), dash and legend; <paramref name="Smooth"/>
/// marks a curve without spikes (an EMA), drawn from evenly spaced points instead of min/max pairs;
/// <paramref name="SecondAxis"/> draws it against a y axis of its own on the right (two curves of very different size).
/// </summary>
public sealed record ChartSeries(
    string Name, string? Color = null, double Opacity = 1, bool Dashed = false, bool Markers = false, bool ShowLegend = true, bool Smooth = false,
    bool SecondAxis = false);
