namespace Hw4.E2E.Tests.Infrastructure;

/// <summary>A Plotly heatmap trace as the browser holds it.</summary>
public sealed record HeatmapTrace(string[] X, string[] Y, double?[][] Z);
