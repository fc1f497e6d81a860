namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>What <c>report</c> prints: the file, its size, how long it took and the runs it used.</summary>
/// <param name="Path">The file written.</param>
/// <param name="Format">html, pdf or md.</param>
/// <param name="Bytes">Its size (for md, the Markdown file's).</param>
/// <param name="Seconds">Time to build (and print) the report.</param>
/// <param name="Runs">The run of each part that has one, by the part's key (cnn, residual, l1, seed-l2, …).</param>
/// <param name="Missing">The keys of the parts not run yet.</param>
/// <param name="OffRecipe">The keys of the parts whose run is not the homework's settings.</param>
public sealed record ReportOutput(
    string Path, string Format, long Bytes, double Seconds, IReadOnlyDictionary<string, string> Runs, IReadOnlyList<string> Missing, IReadOnlyList<string> OffRecipe);
