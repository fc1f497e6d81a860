namespace Hw4.Dashboard.Components.Pages.Compare;

/// <summary>One setting that differs between the compared runs, with each run's value in the runs' order.</summary>
public sealed record ConfigDiffRow(string Setting, IReadOnlyList<string> Values);
