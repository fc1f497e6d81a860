namespace Hw4.Dashboard.Components.Runs;

/// <summary>One download link of <see cref="ExportLinks"/>.</summary>
/// <param name="Label">The link text.</param>
/// <param name="Format">The export format (json, csv, html, pt).</param>
/// <param name="Url">The endpoint URL, relative to the app base.</param>
/// <param name="FileName">The suggested file name.</param>
/// <param name="Title">What the file holds (tooltip).</param>
public sealed record ExportLink(string Label, string Format, string Url, string FileName, string Title);
