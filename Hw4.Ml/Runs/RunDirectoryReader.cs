using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Training;

namespace Hw4.Ml.Runs;

/// <summary>Puts a run folder's files together into a <see cref="RunSummary"/>; never throws for a damaged file.</summary>
public static class RunDirectoryReader
{
    /// <summary>The summary of one run folder.</summary>
    public static RunSummary Read(string runDir)
    {
        var dir = RunDirectory.Open(runDir);
        var problems = new List<string>();
        var record = Try(dir.ReadRun, problems);
        var notes = Try(dir.ReadNotes, problems) ?? new RunNotes();
        IReadOnlyList<RunEvent> events = Try(dir.ReadMetrics, problems) ?? [];
        var evaluation = Try(dir.ReadEvaluation, problems);

        var epochs = new SortedDictionary<int, EpochMetrics>();
        var warnings = new List<string>();
        Diverged? divergence = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case RunStarted { ResumedFromEpoch: { } from }:
                    // A resume went back to this checkpoint: later epochs of the attempt before are void.
                    foreach (var later in epochs.Keys.Where(k => k > from).ToList())
                        epochs.Remove(later);
                    divergence = null;
                    break;
                case EpochCompleted c:
                    epochs[c.Epoch] = new EpochMetrics(c.Epoch, c.TrainLoss, c.ValLoss, c.ValAccuracy, c.Seconds, c.ImagesPerSecond);
                    break;
                case RunWarning w:
                    warnings.Add(w.Message);
                    break;
                case Diverged d:
                    divergence = d;
                    break;
            }
        }

        var list = epochs.Values.ToList();
        return new RunSummary(
            dir.Id,
            dir.Path,
            record,
            list,
            BestEpoch.Pick(list),
            evaluation?.Accuracy,
            divergence,
            warnings,
            notes,
            problems.Count == 0 ? null : string.Join("; ", problems));
    }

    /// <summary>Summaries of every run folder (one holding run.json) under <paramref name="runsDir"/>, oldest id first.</summary>
    public static IReadOnlyList<RunSummary> ReadAll(string runsDir) => RunDirectory.Enumerate(runsDir).Select(Read).ToList();

    private static T? Try<T>(Func<T?> read, List<string> problems)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            problems.Add(ex.Message.ReplaceLineEndings(" "));
            return null;
        }
    }
}
