using System.Globalization;
using System.Text.Json;
using Hw4.Dashboard.Store;
using Hw4.Ml.Runs;
using Hw4.Ml.Training;

using Hw4.Dashboard.Features.Models;

namespace Hw4.Dashboard.Features.Training;

/// <summary>
/// How long the homework's recipe (a CNN, 15 epochs, 45,000 training images) takes on this machine, measured, not
/// guessed: the seconds per training image of the newest CNN run with a finished epoch (this host's first), times
/// the recipe's images. Every epoch's time includes its validation, so the figure does too.
/// </summary>
/// <param name="Seconds">The estimated time of the whole recipe.</param>
/// <param name="ImagesPerSecond">The measured run's training speed (median over its epochs).</param>
/// <param name="RunId">The run it was measured on.</param>
/// <param name="RunName">That run's name.</param>
public sealed record TrainingTimeEstimate(double Seconds, double ImagesPerSecond, string RunId, string RunName)
{
    /// <summary>CIFAR-10's training split.</summary>
    public const int CifarTrainImages = 50_000;

    /// <summary>The recipe's training images: the split less the validation it holds out.</summary>
    public static int RecipeTrainImages => CifarTrainImages - new TrainerOptions().ValidationSize;

    /// <summary>The recipe's epochs.</summary>
    public static int RecipeEpochs => new TrainerOptions().Epochs;

    /// <summary>"about 20 min", "about 1 h 10 min", "under a minute".</summary>
    public string Duration => DurationText.Of(Seconds);

    /// <summary>
    /// The run to measure on, from <paramref name="runs"/> (index rows, without epochs): the newest CNN run with a
    /// finished epoch, of <paramref name="host"/> when there is one; null when there is none.
    /// </summary>
    public static RunRow? PickRun(IEnumerable<RunRow> runs, string? host)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs
            .Where(r => r.Kind == RunKinds.Train && r.Model == "cnn" && r.EpochsDone > 0 && TrainImages(r) is not null)
            .OrderByDescending(r => host is not null && string.Equals(r.Host, host, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(r => r.CreatedAt)
            .FirstOrDefault();
    }

    /// <summary>The estimate measured on <paramref name="run"/> (with its epochs), or null when it has no timed epoch.</summary>
    public static TrainingTimeEstimate? Of(RunRow run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var seconds = Median(run.Epochs.Select(e => e.Seconds).OfType<double>().Where(s => s > 0));
        if (seconds <= 0 || TrainImages(run) is not { } images)
            return null;
        var speed = Median(run.Epochs.Select(e => e.ImagesPerSecond).OfType<double>().Where(s => s > 0));
        return new TrainingTimeEstimate(seconds / images * RecipeTrainImages * RecipeEpochs, speed, run.Id,
            string.IsNullOrWhiteSpace(run.Name) ? run.Id : run.Name);
    }

    // run.json's train_images: what the run actually trained on (its limit and validation taken out).
    private static int? TrainImages(RunRow run)
    {
        try
        {
            using var doc = JsonDocument.Parse(run.ConfigJson ?? "{}");
            return doc.RootElement.TryGetProperty("train_images", out var n) && n.TryGetInt32(out var images) && images > 0 ? images : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
