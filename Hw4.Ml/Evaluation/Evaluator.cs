using System.Diagnostics;
using System.Globalization;
using Hw4.Ml.Data;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Evaluation;

/// <summary>
/// Evaluates a classifier on a labelled set: predictions in eval mode without gradients, then the pure metrics of
/// <see cref="ConfusionMatrix"/>, and PNGs of the worst confusion.
/// </summary>
public static class Evaluator
{
    /// <summary>The most example images saved per evaluation.</summary>
    public const int MaxExamples = 10;

    /// <summary>Arg-max predictions and their probabilities for every image of <paramref name="set"/>.</summary>
    public static Predictions Predict(nn.Module<Tensor, Tensor> model, ImageSet set, Device device, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(set);
        Runtime.OneDnnSettings.EnsureConfigured();
        Runtime.MallocSettings.EnsureConfigured();
        var predicted = new int[set.Count];
        var probability = new float[set.Count];
        var clock = Stopwatch.StartNew();
        model.eval();
        using (torch.no_grad())
        using (var loader = new BatchLoader(set, batchSize, device))
        using (var order = loader.Order(null))
        {
            for (var b = 0; b < loader.BatchCount; b++)
            {
                using var scope = NewDisposeScope();
                var (images, _) = loader.Batch(order, b);
                var (top, arg) = nn.functional.softmax(model.forward(images), 1).max(1);
                using var topCpu = top.cpu();
                using var argCpu = arg.to(ScalarType.Int32).cpu();
                topCpu.data<float>().CopyTo(probability, b * batchSize);
                argCpu.data<int>().CopyTo(predicted, b * batchSize);
            }
        }

        return new Predictions((int[])set.Labels.Clone(), predicted, probability, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Turns predictions into the summary; writes up to <see cref="MaxExamples"/> PNGs of the worst class predicted as its
    /// most frequent partner (most confident first) into <paramref name="examplesDir"/> when it is given.
    /// </summary>
    /// <param name="predictions">The model output.</param>
    /// <param name="set">The set predicted (for class names and example pixels).</param>
    /// <param name="checkpoint">The checkpoint evaluated, recorded as is.</param>
    /// <param name="epoch">Its epoch.</param>
    /// <param name="examplesDir">Folder for the PNGs, or null to write none.</param>
    /// <param name="examplesPrefix">Prefix for the recorded PNG paths (e.g. <c>examples</c>, relative to the run folder).</param>
    public static EvaluationSummary Summarize(
        Predictions predictions, ImageSet set, string checkpoint, int epoch, string? examplesDir = null, string examplesPrefix = "examples")
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(set);
        var classes = set.Classes;
        var matrix = ConfusionMatrix.FromPredictions(predictions.Truth, predictions.Predicted, classes.Count);
        var perClass = matrix.PerClassAccuracy();
        var worst = matrix.WorstClass();
        var partner = matrix.MostConfusedWith(worst);

        var examples = new List<ConfusionExample>();
        if (partner is { } other)
        {
            var picks = Enumerable.Range(0, predictions.Truth.Length)
                .Where(i => predictions.Truth[i] == worst && predictions.Predicted[i] == other)
                .OrderByDescending(i => predictions.Probability[i])
                .ThenBy(i => i)
                .Take(MaxExamples);
            foreach (var i in picks)
            {
                var p = predictions.Probability[i];
                string? file = null;
                if (examplesDir is not null)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"{i:D5}_true-{classes[worst]}_pred-{classes[other]}_p{p:0.000}.png");
                    ExampleImageWriter.Write(set, i, Path.Combine(examplesDir, name));
                    file = $"{examplesPrefix}/{name}";
                }

                examples.Add(new ConfusionExample(i, classes[worst], classes[other], p, file));
            }
        }

        return new EvaluationSummary(
            checkpoint,
            epoch,
            predictions.Truth.Length,
            matrix.Accuracy,
            classes.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => perClass[x.i]),
            classes.ToArray(),
            matrix.ToRows(),
            matrix.RowNormalized(),
            classes[worst],
            partner is { } q ? classes[q] : null,
            examples,
            predictions.Truth.Length / Math.Max(predictions.Seconds, 1e-9));
    }

    /// <summary>
    /// Loads a checkpoint into a fresh model and predicts every image of <paramref name="test"/>; writes nothing. A
    /// missing or unloadable checkpoint throws <see cref="InvalidDataException"/> naming it (relative to the artifacts
    /// folder when <paramref name="relativeTo"/>, its run folder, is given).
    /// </summary>
    public static Predictions PredictCheckpoint(
        string checkpoint, Func<nn.Module<Tensor, Tensor>> modelFactory, ImageSet test, Device device, int batchSize = 256,
        string? relativeTo = null)
    {
        ArgumentNullException.ThrowIfNull(modelFactory);
        // Named as the caller knows it: relative to the artifacts folder for a run's own checkpoint, else as given.
        var name = relativeTo is null ? checkpoint
            : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(relativeTo)) ?? relativeTo, checkpoint).Replace('\\', '/');
        using var model = modelFactory();
        model.to(device);
        try
        {
            Training.CheckpointStore.LoadModelFile(checkpoint, model, name);
        }
        catch (Exception ex) when (ex is ArgumentException or ExternalException or IOException or EndOfStreamException or FormatException)
        {
            throw new InvalidDataException($"{name}: cannot be loaded into this model ({ex.Message.ReplaceLineEndings(" ")}).", ex);
        }

        return Predict(model, test, device, batchSize);
    }

    /// <summary>
    /// Loads a checkpoint into a fresh model and evaluates it on <paramref name="test"/>, returning the summary and the
    /// label per image; blocks (call it off the UI thread).
    /// Example PNGs go to <paramref name="examplesDir"/> when given; recorded paths are relative to <paramref name="relativeTo"/>.
    /// A missing or unloadable checkpoint throws <see cref="InvalidDataException"/> naming it.
    /// </summary>
    public static CheckpointEvaluation EvaluateCheckpoint(
        string checkpoint, int epoch, Func<nn.Module<Tensor, Tensor>> modelFactory, ImageSet test, Device device,
        int batchSize = 256, string? examplesDir = null, string? relativeTo = null) =>
        Evaluate(PredictCheckpoint(checkpoint, modelFactory, test, device, batchSize, relativeTo), checkpoint, epoch, test, examplesDir, relativeTo);

    /// <summary>
    /// The summary and the label per image of <paramref name="predictions"/> of <paramref name="checkpoint"/>; example PNGs
    /// go to <paramref name="examplesDir"/> when given, and recorded paths are relative to <paramref name="relativeTo"/>.
    /// </summary>
    public static CheckpointEvaluation Evaluate(
        Predictions predictions, string checkpoint, int epoch, ImageSet test, string? examplesDir = null, string? relativeTo = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var recorded = relativeTo is null ? checkpoint : Path.GetRelativePath(relativeTo, checkpoint);
        var prefix = examplesDir is null ? "examples"
            : relativeTo is null ? examplesDir : Path.GetRelativePath(relativeTo, examplesDir);
        var summary = Summarize(predictions, test, recorded, epoch, examplesDir, prefix.Replace('\\', '/'));
        return new CheckpointEvaluation(summary, new TestPredictions(epoch, predictions.Truth, predictions.Predicted));
    }
}
