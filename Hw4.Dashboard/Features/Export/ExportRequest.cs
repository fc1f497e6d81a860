namespace Hw4.Dashboard.Features.Export;

/// <summary>One export as asked for by the CLI or a download link.</summary>
/// <param name="Format">What to write.</param>
/// <param name="Epoch">For <see cref="ExportFormat.Pt"/>: the checkpoint's epoch; null: the best epoch.</param>
/// <param name="Table">For <see cref="ExportFormat.Csv"/>: one table; null: a zip of all of them.</param>
public sealed record ExportRequest(ExportFormat Format, int? Epoch = null, CsvTable? Table = null);
