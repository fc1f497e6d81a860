using Hw4.Ml.Models;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Tests.Training;
using SixLabors.ImageSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Evaluation;

public sealed class EvaluatorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hw4-eval-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Summarize_WorstConfusion_WritesUpscaledExamplesMostConfidentFirst()
    {
        var set = SyntheticImages.Create(8, seed: 4); // labels 0,1,2,3,0,1,2,3
        var predictions = new Predictions(
            set.Labels,
            [0, 1, 2, 3, 0, 1, 1, 1],      // class 2 (blue) is wrong twice, both times as class 1
            [0.9f, 0.8f, 0.7f, 0.6f, 0.9f, 0.8f, 0.55f, 0.75f],
            Seconds: 1);

        var summary = Evaluator.Summarize(predictions, set, "model_3.params", 3, _dir);

        Assert.Equal(6.0 / 8, summary.Accuracy, 12);
        Assert.Equal("blue", summary.WorstClass);
        Assert.Equal("green", summary.MostConfusedWith);
        Assert.Equal(1.0, summary.PerClassAccuracy["red"]);
        Assert.Equal(8, summary.ConfusionMatrix.Sum(r => r.Sum()));
        var example = Assert.Single(summary.Examples);
        Assert.Equal(6, example.Index);
        Assert.Equal(0.55, example.Probability, 6);
        Assert.Equal("examples/00006_true-blue_pred-green_p0.550.png", example.File);
        var info = Image.Identify(Path.Combine(_dir, "00006_true-blue_pred-green_p0.550.png"));
        Assert.Equal((128, 128), (info.Width, info.Height));
    }

    [Fact]
    public void Predict_UntrainedCnn_GivesOnePredictionPerImageWithItsArgMaxProbability()
    {
        var set = SyntheticImages.Create(10, seed: 5);
        torch.manual_seed(1);
        using var model = ModelFactory.Create(ModelKind.Cnn);

        var predictions = Evaluator.Predict(model, set, CPU, batchSize: 4);

        Assert.Equal(10, predictions.Predicted.Length);
        // Ten logits: an arg-max class in 0..9 whose softmax probability is at least the uniform 1/10.
        Assert.All(predictions.Predicted, p => Assert.InRange(p, 0, 9));
        Assert.All(predictions.Probability, p => Assert.InRange(p, 0.1f, 1f));
        Assert.Equal(set.Labels, predictions.Truth);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
