using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Hw4.Dashboard.Features.Export;

/// <summary>
/// The CSV export: tidy tables with a header row, invariant culture, numbers in round-trip form and empty cells for
/// "none" (what <c>pandas.read_csv</c> reads as NaN). All tables together come as a zip of <c>epochs.csv</c>,
/// <c>batches.csv</c>, <c>confusion.csv</c> and <c>per_class.csv</c>.
/// </summary>
public static class RunCsvExport
{
    /// <summary>The file name of a table inside the zip.</summary>
    public static string FileName(CsvTable table) => table switch
    {
        CsvTable.Epochs => "epochs.csv",
        CsvTable.Batches => "batches.csv",
        CsvTable.Confusion => "confusion.csv",
        CsvTable.PerClass => "per_class.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };

    /// <summary>The CLI and query names of the tables.</summary>
    public static string Name(CsvTable table) => table == CsvTable.PerClass ? "per-class" : table.ToString().ToLowerInvariant();

    /// <summary>Parses <c>epochs</c>, <c>batches</c>, <c>confusion</c> or <c>per-class</c>; null for anything else.</summary>
    public static CsvTable? Parse(string? name) =>
        Enum.GetValues<CsvTable>().Cast<CsvTable?>().FirstOrDefault(t => string.Equals(Name(t!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>One table as CSV text. The confusion and per-class tables need an evaluation.</summary>
    public static string Table(RunExport run, CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(run);
        var csv = new StringBuilder();
        switch (table)
        {
            case CsvTable.Epochs:
                csv.Append("epoch,train_loss,val_loss,val_accuracy,seconds,images_per_second,best\n");
                foreach (var e in run.Epochs)
                    Row(csv, e.Epoch, e.TrainLoss, e.ValLoss, e.ValAccuracy, e.Seconds, e.ImagesPerSecond, e.Epoch == run.BestEpoch ? "true" : "false");
                break;
            case CsvTable.Batches:
                csv.Append("epoch,batch,step,loss,running_loss\n");
                foreach (var b in run.Batches)
                    Row(csv, b.Epoch, b.Batch, b.Step, b.Loss, b.RunningLoss);
                break;
            case CsvTable.Confusion:
            {
                var evaluation = Evaluation(run, table);
                csv.Append("true_class");
                foreach (var c in evaluation.Classes)
                    csv.Append(',').Append(Quote(c));
                csv.Append('\n');
                for (var i = 0; i < evaluation.Classes.Count; i++)
                    Row(csv, [Quote(evaluation.Classes[i]), .. evaluation.ConfusionMatrix[i].Select(n => (object)n)]);
                break;
            }

            case CsvTable.PerClass:
            {
                var evaluation = Evaluation(run, table);
                csv.Append("class,accuracy,test_images\n");
                for (var i = 0; i < evaluation.Classes.Count; i++)
                {
                    var name = evaluation.Classes[i];
                    Row(csv, Quote(name), evaluation.PerClassAccuracy.TryGetValue(name, out var a) ? a : null, evaluation.ConfusionMatrix[i].Sum());
                }

                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(table), table, null);
        }

        return csv.ToString();
    }

    /// <summary>Every table the run has (the evaluation ones only when it was evaluated) in one zip.</summary>
    public static byte[] Zip(RunExport run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var table in Enum.GetValues<CsvTable>())
            {
                if (run.Evaluation is null && table is CsvTable.Confusion or CsvTable.PerClass)
                    continue;
                var entry = zip.CreateEntry(FileName(table), CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(Table(run, table)));
            }
        }

        return buffer.ToArray();
    }

    private static Hw4.Ml.Evaluation.EvaluationSummary Evaluation(RunExport run, CsvTable table) =>
        run.Evaluation ?? throw new ExportInputException($"run {run.Id}: no evaluation.json, so no {Name(table)} table.", notFound: true);

    private static void Row(StringBuilder csv, params object?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) csv.Append(',');
            csv.Append(cells[i] switch
            {
                null => "",
                double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : d.ToString(CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString(),
            });
        }

        csv.Append('\n');
    }

    // RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled. Class names come from folder names.
    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
