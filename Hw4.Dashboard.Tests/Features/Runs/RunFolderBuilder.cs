using Hw4.Ml.Evaluation;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;
using Hw4.Ml.Training;

namespace Hw4.Dashboard.Tests.Features.Runs;

/// <summary>
/// Writes small run folders in the trainer's real format through Hw4.Ml's <see cref="RunDirectory"/>: run.json, epoch
/// lines, a checkpoint, a 3-class evaluation with one example PNG, or a divergence record.
/// </summary>
public sealed class RunFolderBuilder(string artifactsDir)
{
    /// <summary>The three class names of the fixture evaluations.</summary>
    public static readonly string[] Classes = ["cat", "dog", "frog"];

    /// <summary>PNG signature plus a few bytes: enough for the file endpoint, which does not decode.</summary>
    public static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    /// <summary>Bytes written as each checkpoint.</summary>
    public static readonly byte[] CheckpointBytes = [1, 2, 3, 4, 5, 6, 7, 8];

    /// <summary>
    /// A finished run: run.json, the epochs' val losses (epoch = index + 1), checkpoints and, when given, an evaluation;
    /// trained on <paramref name="host"/> (run.json's host) when given.
    /// </summary>
    public RunDirectory Finished(
        string id, string model, double[] valLosses, long[][]? confusion = null, DateTimeOffset? created = null, string? host = null)
    {
        var dir = Started(id, new TrainerOptions { Model = Hw4.Ml.Models.ModelFactory.ParseKind(model), Epochs = valLosses.Length, LearningRate = 0.001 }, created, host);
        Directory.CreateDirectory(dir.CheckpointsDir);
        for (var e = 1; e <= valLosses.Length; e++)
        {
            dir.AppendMetric(new EpochCompleted(id, e, valLosses[e - 1] + 0.1, valLosses[e - 1], 0.5, 10, 1000));
            File.WriteAllBytes(Path.Combine(dir.CheckpointsDir, $"model_{e}.params"), CheckpointBytes);
        }

        if (confusion is not null)
            WriteEvaluation(dir, confusion);
        dir.Transition(RunStatus.Completed, r => r with { FinishedUtc = r.CreatedUtc.AddMinutes(valLosses.Length) });
        return dir;
    }

    /// <summary>
    /// A completed run of <paramref name="options"/> (any recipe and seed) with one epoch and an evaluation of
    /// <paramref name="confusion"/>, finished a minute after <paramref name="created"/>.
    /// </summary>
    public RunDirectory Completed(string id, TrainerOptions options, long[][] confusion, DateTimeOffset? created = null)
    {
        var dir = Started(id, options, created);
        dir.AppendMetric(new EpochCompleted(id, 1, 1.1, 1.0, 0.5, 10, 1000));
        WriteEvaluation(dir, confusion);
        dir.Transition(RunStatus.Completed, r => r with { FinishedUtc = r.CreatedUtc.AddMinutes(1) });
        return dir;
    }

    /// <summary>A run created queued (as the launcher leaves it), with <paramref name="options"/> as its request.</summary>
    public RunDirectory Queued(string id, TrainerOptions? options = null, DateTimeOffset? created = null)
    {
        var at = created ?? new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        return RunDirectory.Create(artifactsDir, new RunRecord { Id = id, Config = options ?? new TrainerOptions { Epochs = 3 }, CreatedUtc = at, QueuedUtc = at });
    }

    /// <summary>A run moved to running by this process, as host <paramref name="host"/> (run.json's host) when given.</summary>
    public RunDirectory Started(string id, TrainerOptions? options = null, DateTimeOffset? created = null, string? host = null)
    {
        var dir = Queued(id, options, created);
        dir.Transition(RunStatus.Running, r => r with { Owner = RunOwner.Current(), StartedUtc = r.CreatedUtc, Host = host });
        return dir;
    }

    /// <summary>A run that diverged at epoch 2, batch 17 after a last finite loss of 2.5.</summary>
    public RunDirectory Diverged(string id)
    {
        var dir = Started(id, new TrainerOptions { Epochs = 3, LearningRate = 10 });
        dir.AppendMetric(new EpochCompleted(id, 1, 2.4, 2.3, 0.1, 10, 1000));
        var diverged = new Diverged(id, 2, 17, 2.5);
        dir.AppendMetric(diverged);
        dir.Transition(RunStatus.Diverged, r => r with { Message = diverged.Message, Owner = null });
        return dir;
    }

    /// <summary>evaluation.json from a 3-class confusion matrix, with one example PNG of the worst confusion.</summary>
    public static void WriteEvaluation(RunDirectory dir, long[][] confusion)
    {
        var matrix = new long[3, 3];
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 3; c++)
                matrix[r, c] = confusion[r][c];
        var m = new ConfusionMatrix(matrix);
        var worst = m.WorstClass();
        var partner = m.MostConfusedWith(worst);
        Directory.CreateDirectory(dir.ExamplesDir);
        File.WriteAllBytes(Path.Combine(dir.ExamplesDir, "0.png"), PngBytes);
        var perClass = m.PerClassAccuracy();
        dir.WriteEvaluation(new EvaluationSummary(
            "checkpoints/model_1.params", 1, (int)m.Total, m.Accuracy,
            Classes.Select((c, i) => (c, perClass[i])).ToDictionary(x => x.c, x => x.Item2),
            Classes, m.ToRows(), m.RowNormalized(), Classes[worst], partner is { } p ? Classes[p] : null,
            [new ConfusionExample(7, Classes[worst], partner is { } q ? Classes[q] : Classes[worst], 0.75, "examples/0.png")],
            100));
    }
}
