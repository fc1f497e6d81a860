namespace Hw4.Dashboard.Features.Charts;

/// <summary>How one trace looks: name, colour, opacity (raw series are drawn faint), dash and legend.</summary>
public sealed record ChartSeries(string Name, string? Color = null, double Opacity = 1, bool Dashed = false, bool Markers = false, bool ShowLegend = true);
