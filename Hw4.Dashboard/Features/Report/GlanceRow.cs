namespace Hw4.Dashboard.Features.Report;

/// <summary>One line of the report's first page: a figure, ours, the seed homework's and the difference.</summary>
/// <param name="Figure">What the figure is.</param>
/// <param name="Ours">Our value.</param>
/// <param name="Seed">The seed homework's value, or an en dash.</param>
/// <param name="Difference">Ours against the seed's, or an en dash.</param>
public sealed record GlanceRow(string Figure, string Ours, string Seed, string Difference);
