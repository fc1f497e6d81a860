namespace Hw4.Dashboard.Features.Charts;

/// <summary>One group of bars: a value per category of the chart.</summary>
/// <param name="Name">Legend name.</param>
/// <param name="Values">One value per category, in the chart's category order.</param>
/// <param name="Color">Bar colour (CSS).</param>
/// <param name="Labels">Text shown on each bar, or null for none.</param>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values, string? Color = null, IReadOnlyList<string>? Labels = null);
