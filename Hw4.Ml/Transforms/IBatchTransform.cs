using static TorchSharp.torch;

namespace Hw4.Ml.Transforms;

/// <summary>
/// A transform applied to a whole batch at once. Input and output are float tensors B×3×H×W in [0, 1] on any device.
/// Random transforms draw one set of parameters per sample from the generator passed in so that a seed fixes the
/// batch exactly (and a checkpoint can save the generator state for resume).
/// </summary>
public interface IBatchTransform
{
    /// <summary>Returns the transformed batch (a new tensor; the input is not modified).</summary>
    Tensor Apply(Tensor batch, Generator generator);
}
