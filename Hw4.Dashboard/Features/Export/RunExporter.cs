using System.Text;
using Hw4.Ml.Models;
using Hw4.Ml.Runs;
using Hw4.Ml.Training;

namespace Hw4.Dashboard.Features.Export;

/// <summary>
/// The one place exports are made, for the <c>export</c> verb and the download endpoints alike: a run as JSON, CSV,
/// an HTML report or a PyTorch state_dict, and a comparison of runs as an HTML report. Bad input (an unknown id, a
/// missing checkpoint epoch) is an <see cref="ExportInputException"/> naming it. Blocking: call it off a UI thread.
/// </summary>
public static class RunExporter
{
    /// <summary>The most runs one comparison report holds.</summary>
    public const int MaxCompareRuns = 8;

    /// <summary>Exports run <paramref name="id"/> of <paramref name="artifactsDir"/> as <paramref name="request"/> asks.</summary>
    public static ExportFile ExportRun(string artifactsDir, string id, ExportRequest request, TimeProvider? clock = null, RunFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Format != ExportFormat.Pt && request.Epoch is not null)
            throw new ExportInputException("--epoch (epoch=) applies only to the pt format.");
        if (request.Format != ExportFormat.Csv && request.Table is not null)
            throw new ExportInputException("--table (table=) applies only to the csv format.");

        var run = RunExportReader.Read(artifactsDir, id, limits);
        switch (request.Format)
        {
            case ExportFormat.Json:
                return new ExportFile($"{run.Id}.json", "application/json", RunJsonExport.Serialize(run));
            case ExportFormat.Csv when request.Table is { } table:
                return new ExportFile($"{run.Id}-{RunCsvExport.Name(table)}.csv", "text/csv", Encoding.UTF8.GetBytes(RunCsvExport.Table(run, table)));
            case ExportFormat.Csv:
                return new ExportFile($"{run.Id}-csv.zip", "application/zip", RunCsvExport.Zip(run));
            case ExportFormat.Html:
                return Report(artifactsDir, [run], $"{run.Id}-report.html", clock, limits);
            case ExportFormat.Pt:
                return StateDict(artifactsDir, run, request.Epoch, limits);
            default:
                throw new ExportInputException($"unknown export format {request.Format}.");
        }
    }

    /// <summary>The HTML report comparing <paramref name="ids"/> (the first is the baseline); only HTML compares runs.</summary>
    public static ExportFile ExportComparison(string artifactsDir, IReadOnlyList<string> ids, ExportFormat format, TimeProvider? clock = null, RunFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (format != ExportFormat.Html)
            throw new ExportInputException("a comparison exports only as html.");
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count < 2)
            throw new ExportInputException("a comparison needs at least two different runs.");
        if (distinct.Count > MaxCompareRuns)
            throw new ExportInputException($"a comparison holds at most {MaxCompareRuns} runs (got {distinct.Count}).");
        var runs = distinct.Select(id => RunExportReader.Read(artifactsDir, id, limits)).ToList();
        return Report(artifactsDir, runs, $"compare-{string.Join("-vs-", runs.Select(r => r.Id).Take(2))}-report.html", clock, limits);
    }

    /// <summary>Parses <c>json</c>, <c>csv</c>, <c>html</c> or <c>pt</c> (case-insensitive); null for anything else.</summary>
    public static ExportFormat? ParseFormat(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "json" => ExportFormat.Json,
        "csv" => ExportFormat.Csv,
        "html" => ExportFormat.Html,
        "pt" => ExportFormat.Pt,
        _ => null,
    };

    private static ExportFile Report(string artifactsDir, IReadOnlyList<RunExport> runs, string fileName, TimeProvider? clock, RunFileLimits? limits)
    {
        var examples = runs.ToDictionary(r => r.Id, r => RunExportReader.Examples(artifactsDir, r, limits), StringComparer.Ordinal);
        var html = HtmlReport.Render(runs, examples, ReportAssets.Load(), (clock ?? TimeProvider.System).GetUtcNow());
        return new ExportFile(fileName, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));
    }

    // The checkpoint of the asked epoch (default: the best) as a state_dict, written to a temp file and read back.
    private static ExportFile StateDict(string artifactsDir, RunExport run, int? epoch, RunFileLimits? limits)
    {
        var dir = RunExportReader.Open(artifactsDir, run.Id, limits);
        var store = dir.Checkpoints;
        var available = store.EpochsNewestFirst();
        var chosen = epoch ?? run.BestEpoch ?? (available.Count > 0 ? available[0] : (int?)null)
            ?? throw new ExportInputException($"run {run.Id}: no checkpoint to export.", notFound: true);
        if (!available.Contains(chosen))
            throw new ExportInputException(
                $"run {run.Id}: no checkpoint of epoch {chosen} (has {(available.Count == 0 ? "none" : string.Join(", ", available.Order()))}).", notFound: true);

        var temp = Path.Combine(Path.GetTempPath(), $"hw4-export-{Guid.NewGuid():N}.pt");
        try
        {
            // The store reads the checkpoint inside the run folder, within its cap, checked against the network, and
            // names it relative to the artifacts folder: the message also goes to web clients, which need no server paths.
            PyTorchStateDict.Export(store, chosen, run.Run.TrainingConfig().Model, temp);
            return new ExportFile($"{run.Id}-epoch{chosen}-{ModelFactory.Name(run.Run.TrainingConfig().Model)}.pt", "application/octet-stream", File.ReadAllBytes(temp));
        }
        catch (InvalidDataException e)
        {
            throw new ExportInputException($"run {run.Id}: {e.Message.ReplaceLineEndings(" ")}");
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
