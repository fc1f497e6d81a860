using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Training;

namespace Hw4.Ml.Runs;

/// <summary>Puts a run folder's files together into a <see cref="RunSummary"/>; never throws for a damaged file.</summary>
public static class RunDirectoryReader
{
    /// <summary>The summary of one run folder, its files read within <paramref name="limits"/> (default: <see cref="RunFileLimits.Default"/>).</summary>
    public static RunSummary Read(string runDir, RunFileLimits? limits = null) => Read(runDir, dir => dir.ReadMetrics(), limits);

    /// <summary>
    /// The summary of one run folder, its metrics.jsonl read by <paramref name="readMetrics"/> (a cache of parsed
    /// files; it throws as <see cref="RunDirectory.ReadMetrics"/> does). A damaged evaluation.json does not make the run
    /// unreadable: the run keeps its status, and <see cref="RunSummary.EvaluationProblem"/> says why its evaluation
    /// cannot be shown.
    /// </summary>
    public static RunSummary Read(string runDir, Func<RunDirectory, IReadOnlyList<RunEvent>> readMetrics, RunFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(readMetrics);
        var dir = RunDirectory.Open(runDir, limits);
        var problems = new List<string>();
        var record = Try(dir.ReadRun, problems);
        var notes = Try(dir.ReadNotes, problems) ?? new RunNotes();
        IReadOnlyList<RunEvent> events = Try(() => readMetrics(dir), problems) ?? [];
        var evaluationProblems = new List<string>();
        var evaluation = Try(dir.ReadEvaluation, evaluationProblems);

        var epochs = new SortedDictionary<int, EpochMetrics>();
        var warnings = new List<string>();
        Diverged? divergence = null;
        DenoiseProgress? lastStep = null;
        DenoiseFinished? denoised = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case RunStarted { Kind: RunKinds.Denoise }:
                    // A denoising run started again (queued when the server stopped) begins from its input.
                    (lastStep, denoised, divergence) = (null, null, null);
                    break;
                case DenoiseProgress p:
                    lastStep = p;
                    break;
                case DenoiseFinished f:
                    denoised = f;
                    break;
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
            problems.Count == 0 ? null : string.Join("; ", problems))
        {
            LastDenoiseStep = lastStep,
            Denoised = denoised,
            EvaluationProblem = evaluationProblems.Count == 0 ? null : evaluationProblems[0],
        };
    }

    /// <summary>
    /// A denoising run's progress reports (step, loss, PSNR) of its latest attempt, in order: the loss and PSNR curves
    /// of a run that is not live. Empty for other kinds or an unreadable metrics file.
    /// </summary>
    public static IReadOnlyList<DenoiseProgress> DenoiseSteps(string runDir, RunFileLimits? limits = null)
    {
        IReadOnlyList<RunEvent> events;
        try
        {
            events = RunDirectory.Open(runDir, limits).ReadMetrics();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return [];
        }

        var steps = new List<DenoiseProgress>();
        foreach (var e in events)
        {
            if (e is DenoiseProgress p)
                steps.Add(p);
            else if (e is RunStarted { Kind: RunKinds.Denoise })
                steps.Clear();
        }

        return steps;
    }

    /// <summary>
    /// The batch progress events of metrics.jsonl (one every <c>ProgressEveryBatches</c> batches and at each epoch's
    /// last), in order; those of an attempt's epochs after the checkpoint a resume went back to are dropped, like their
    /// epochs. Empty when the folder cannot be read.
    /// </summary>
    public static IReadOnlyList<BatchProgress> Batches(string runDir, RunFileLimits? limits = null)
    {
        var batches = new List<BatchProgress>();
        IReadOnlyList<RunEvent> events;
        try
        {
            events = RunDirectory.Open(runDir, limits).ReadMetrics();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return [];
        }

        foreach (var e in events)
        {
            if (e is BatchProgress b)
                batches.Add(b);
            else if (e is RunStarted { ResumedFromEpoch: { } from })
                batches.RemoveAll(p => p.Epoch > from);
        }

        return batches;
    }

    /// <summary>Summaries of every run folder (one holding run.json) under <paramref name="artifactsDir"/>, oldest id first.</summary>
    public static IReadOnlyList<RunSummary> ReadAll(string artifactsDir, RunFileLimits? limits = null) =>
        RunDirectory.Enumerate(artifactsDir).Select(d => Read(d, limits)).ToList();

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
