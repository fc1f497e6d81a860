namespace Hw4.E2E.Tests.Infrastructure;

/// <summary>One Plotly trace as the browser holds it.</summary>
public sealed record Trace(string Name, double?[] X, double?[] Y);
