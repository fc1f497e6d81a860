using static TorchSharp.torch;

namespace Hw4.Ml.Transforms;

/// <summary>
/// torchvision <c>RandomHorizontalFlip(p)</c> for a batch: each sample is mirrored left-right with probability
/// <see cref="Probability"/>, decided by one uniform draw per sample (B draws per call).
/// </summary>
public sealed class RandomHorizontalFlip : IBatchTransform
{
    /// <summary>Creates the transform; <paramref name="probability"/> must lie in [0, 1].</summary>
    public RandomHorizontalFlip(double probability = 0.5)
    {
        if (probability is < 0 or > 1 || double.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "Flip probability must lie in [0, 1].");
        }

        Probability = probability;
    }

    /// <summary>The per-sample flip probability.</summary>
    public double Probability { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator generator)
    {
        BatchFunctional.EnsureImageBatch(batch, nameof(batch));
        using var scope = NewDisposeScope();
        var u = BatchFunctional.Uniform(batch.shape[0], 0, 1, generator, batch.device);
        return BatchFunctional.HorizontalFlip(batch, u < Probability).MoveToOuterDisposeScope();
    }
}
