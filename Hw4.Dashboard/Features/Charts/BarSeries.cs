namespace Hw4.Dashboard.Features.Charts;

/// <summary>One group of bars: a value per category of the chart.</summary>
/// <param name="Name">Legend name.</param>
/// <param name="Values">One value per category, in the chart's category order.</param>
/// <param name="Color">Bar colour (CSS).</param>
/// <param name="Labels">Text shown on each bar, or null for none.</param>
/// <param name="ColorBySign">Each bar coloured by its sign instead of <paramref name="Color"/>: the theme's green above 0, red below (a delta, as its table reads).</param>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values, string? Color = null, IReadOnlyList<string>? Labels = null, bool ColorBySign = false);
