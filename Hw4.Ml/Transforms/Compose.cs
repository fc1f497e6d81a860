using static TorchSharp.torch;

namespace Hw4.Ml.Transforms;

/// <summary>Applies batch transforms in order (torchvision <c>Compose</c>); intermediates are freed, the input is kept.</summary>
public sealed class Compose : IBatchTransform
{
    /// <summary>Creates the chain.</summary>
    public Compose(params IBatchTransform[] transforms)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        if (transforms.Any(t => t is null))
        {
            throw new ArgumentException("Compose was given a null transform.", nameof(transforms));
        }

        Transforms = transforms.ToArray();
    }

    /// <summary>The transforms, in the order they run.</summary>
    public IReadOnlyList<IBatchTransform> Transforms { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator generator)
    {
        BatchFunctional.EnsureImageBatch(batch, nameof(batch));
        using var scope = NewDisposeScope();
        // An empty chain still honours the contract of returning a new tensor.
        var x = Transforms.Count == 0 ? batch.clone() : batch;
        foreach (var transform in Transforms)
        {
            x = transform.Apply(x, generator);
        }

        return x.MoveToOuterDisposeScope();
    }
}
