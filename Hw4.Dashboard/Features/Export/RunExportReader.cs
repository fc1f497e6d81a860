using Hw4.Ml.Evaluation;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Export;

/// <summary>
/// Gathers a <see cref="RunExport"/> from a run folder through Hw4.Ml's <see cref="RunDirectoryReader"/> and
/// <see cref="RunDirectory"/> (the one reader of run folders). An unknown id or an unreadable run.json is an
/// <see cref="ExportInputException"/> naming the id, and so is a run of another kind than training.
/// </summary>
public static class RunExportReader
{
    /// <summary>
    /// The run folder of <paramref name="id"/> under <paramref name="artifactsDir"/>, its files read within
    /// <paramref name="limits"/>, or an exception naming the id.
    /// </summary>
    public static RunDirectory Open(string artifactsDir, string id, RunFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        return new RunRepository(artifactsDir, TimeProvider.System, limits).TryOpen(id)
            ?? throw new ExportInputException($"run {(RunId.IsValid(id) ? id : "(invalid id)")}: no such run.", notFound: true);
    }

    /// <summary>Reads run <paramref name="id"/>.</summary>
    public static RunExport Read(string artifactsDir, string id, RunFileLimits? limits = null)
    {
        var dir = Open(artifactsDir, id, limits);
        var summary = RunDirectoryReader.Read(dir.Path, limits);
        // Only a run read whole is exported: a folder with a refused or damaged file would export as if it had less.
        if (summary.Record is null || summary.Problem is not null)
            throw new ExportInputException($"run {id}: unreadable ({summary.Problem}).");
        if (summary.Record.Kind != RunKinds.Train)
            throw new ExportInputException($"run {id}: a {summary.Record.Kind} run; exports cover training runs (its page offers the output image).");
        EvaluationSummary? evaluation;
        try
        {
            evaluation = dir.ReadEvaluation();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new ExportInputException($"run {id}: {e.Message.ReplaceLineEndings(" ")}");
        }

        var batches = RunDirectoryReader.Batches(dir.Path, limits)
            .Select(b => new BatchLoss(b.Epoch, b.Batch, b.Step, b.Loss, b.RunningLoss))
            .ToList();
        return new RunExport(
            RunExport.FormatName,
            RunExport.CurrentVersion,
            summary.Id,
            summary.Record,
            summary.Epochs,
            summary.Best?.Epoch,
            batches,
            evaluation,
            summary.Divergence,
            summary.Warnings,
            summary.Notes);
    }

    /// <summary>The PNG bytes of each example of the run's evaluation that can be read (missing files are left out).</summary>
    public static IReadOnlyList<(ConfusionExample Example, byte[] Png)> Examples(string artifactsDir, RunExport run, RunFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Evaluation is null)
            return [];
        var dir = Open(artifactsDir, run.Id, limits);
        return run.Evaluation.Examples
            .Select(e => (Example: e, Png: dir.ReadExample(e.File)))
            .Where(p => p.Png is not null)
            .Select(p => (p.Example, p.Png!))
            .ToList();
    }
}
