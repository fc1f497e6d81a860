using Hw4.Ml.Training;
using Hw4.Ml.Training.Events;

namespace Hw4.Ml.Runs;

/// <summary>Rebuilds run summaries from run folders alone (run.json + metrics.jsonl + evaluation.json).</summary>
public static class RunDirectoryReader
{
    /// <summary>The summary of one run folder.</summary>
    public static RunSummary Read(string runDir)
    {
        var dir = RunDirectory.Open(runDir);
        var record = dir.ReadRun();
        var epochs = dir.ReadMetrics().OfType<EpochCompleted>()
            .GroupBy(e => e.Epoch).Select(g => g.Last()) // a resumed run may have re-logged an epoch
            .OrderBy(e => e.Epoch)
            .Select(e => new EpochMetrics(e.Epoch, e.TrainLoss, e.ValLoss, e.ValAccuracy, e.Seconds, e.ImagesPerSecond))
            .ToList();
        var best = TrainingResult.PickBestEpoch(epochs);
        var evaluation = dir.ReadEvaluation();
        var notes = dir.ReadNotes();
        return new RunSummary(
            record.Id,
            dir.Path,
            record.Model,
            record.Status,
            record.Config,
            epochs.Count,
            best,
            best is { } b ? epochs.First(e => e.Epoch == b).ValLoss : null,
            evaluation?.Accuracy,
            record.CreatedUtc,
            record.FinishedUtc,
            notes.Tags,
            notes.Notes.Length == 0 ? null : notes.Notes);
    }

    /// <summary>Summaries of every run folder (one holding run.json) under <paramref name="runsDir"/>, oldest id first.</summary>
    public static IReadOnlyList<RunSummary> ReadAll(string runsDir) => RunDirectory.Enumerate(runsDir).Select(Read).ToList();
}
