using System.Globalization;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Lifecycle;

namespace Hw4.Ml.Runs;

/// <summary>
/// Checks every value of a run folder's JSON files once they are parsed, before anything uses them: JSON that parses
/// can still hold a status no code knows, a batch size no machine can allocate, or a confusion matrix whose shape does
/// not match its classes. A file that fails is an <see cref="InvalidDataException"/> naming it and the value; what
/// passes is safe for the trainer, the pages and the exports as they are.
/// </summary>
public static class RunFileChecks
{
    /// <summary>The most classes an evaluation may list (CIFAR-10 has 10).</summary>
    public const int MaxClasses = 1000;

    /// <summary>The most confused examples an evaluation may list.</summary>
    public const int MaxExamples = 10_000;

    /// <summary>run.json: id, kind, status and the request of its kind.</summary>
    public static RunRecord Check(RunRecord record, string name)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!RunId.IsValid(record.Id))
            throw Invalid(name, "id", "is not a run id");
        if (!Enum.IsDefined(record.Status))
            throw Invalid(name, "status", "is not a run status");
        switch (record.Kind)
        {
            case RunKinds.Train:
                if (record.Config is not { } config)
                    throw Invalid(name, "config", "is missing (a training run needs its request)");
                try
                {
                    config.Validate();
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException($"{name}: config: {e.Message}", e);
                }

                break;
            case RunKinds.Denoise:
                if (record.Denoise is not { Options: not null, Source: not null } denoise)
                    throw Invalid(name, "denoise", "is missing (a denoising run needs its request)");
                try
                {
                    denoise.Options.Validate();
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException($"{name}: denoise: {e.Message}", e);
                }

                break;
            default:
                throw Invalid(name, "kind", "is neither train nor denoise");
        }

        if (record.Owner is { Host: null } or { ProcessId: <= 0 })
            throw Invalid(name, "owner", "does not name a process");
        // A missing map is an empty one; nothing else may be null where the code expects a value.
        return record.Versions is null ? record with { Versions = new Dictionary<string, string>() } : record;
    }

    /// <summary>notes.json: tags and notes present (an absent list is an empty one).</summary>
    public static RunNotes Check(RunNotes notes, string name)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (notes.Tags is { } tags && tags.Any(t => t is null))
            throw Invalid(name, "tags", "holds a null");
        return notes with { Tags = notes.Tags ?? [], Notes = notes.Notes ?? "" };
    }

    /// <summary>evaluation.json: classes, a square confusion matrix of their count, and the examples.</summary>
    public static EvaluationSummary Check(EvaluationSummary evaluation, string name)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.Classes is not { Count: > 0 and <= MaxClasses } classes || classes.Any(string.IsNullOrEmpty))
            throw Invalid(name, "classes", $"must list 1 to {MaxClasses} named classes");
        var n = classes.Count;
        if (evaluation.ConfusionMatrix is not { } counts || counts.Length != n || counts.Any(r => r is null || r.Length != n || r.Any(c => c < 0)))
            throw Invalid(name, "confusion_matrix", $"must be {n}×{n} non-negative counts, one row per class");
        if (evaluation.ConfusionMatrixNormalized is not { } normalized || normalized.Length != n || normalized.Any(r => r is null || r.Length != n))
            throw Invalid(name, "confusion_matrix_normalized", $"must be {n}×{n}, one row per class");
        if (evaluation.PerClassAccuracy is null || evaluation.Examples is null || evaluation.Checkpoint is null || evaluation.WorstClass is null)
            throw Invalid(name, "per_class_accuracy, examples, checkpoint and worst_class", "must all be present");
        if (evaluation.Examples.Count > MaxExamples || evaluation.Examples.Any(e => e is null || e.TrueClass is null || e.PredictedClass is null))
            throw Invalid(name, "examples", $"must be at most {MaxExamples:N0}, each with its true and predicted class");
        if (evaluation.Epoch < 0 || evaluation.Images < 0)
            throw Invalid(name, "epoch and images", "must not be negative");
        return evaluation;
    }

    /// <summary>predictions.json: two label lists of the same length, every label a class index.</summary>
    public static TestPredictions Check(TestPredictions predictions, string name)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Truth is null || predictions.Predicted is null || predictions.Truth.Length != predictions.Predicted.Length)
            throw Invalid(name, "truth and predicted", "must be two lists of the same length");
        if (predictions.Truth.Any(l => l is < 0 or >= MaxClasses) || predictions.Predicted.Any(l => l is < 0 or >= MaxClasses))
            throw Invalid(name, "truth and predicted", $"must hold class indices 0 to {MaxClasses - 1}");
        return predictions;
    }

    private static InvalidDataException Invalid(string name, string field, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{name}: {field} {problem}."));
}
