namespace Hw4.Dashboard.Features.Report;

/// <summary>One chart of the homework report: where it goes, what it is called and the Plotly figure (JSON) drawn there.</summary>
/// <param name="Id">The chart's element id.</param>
/// <param name="Title">Its title, also its caption.</param>
/// <param name="Height">Its height in CSS pixels.</param>
/// <param name="Json">The Plotly figure, <c>{"data": […], "layout": {…}}</c>.</param>
/// <param name="Summary">What it shows, in words (read by screen readers and printed under it).</param>
public sealed record ReportFigure(string Id, string Title, int Height, string Json, string Summary);
