using Hw4.Ml.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Data;

/// <summary>
/// Serves batches of an <see cref="ImageSet"/> as tensors. The whole uint8 set is copied to the device once; a batch is
/// one <c>index_select</c> of that buffer by a slice of the epoch's order, converted with ToTensor semantics
/// (float32 in [0, 1]) and optionally passed through an <see cref="IBatchTransform"/>. Labels come back as int64.
/// </summary>
public sealed class BatchLoader : IDisposable
{
    private readonly Tensor _pixels;
    private readonly Tensor _labels;
    private readonly IBatchTransform? _transform;
    private readonly Device _device;

    /// <summary>Copies <paramref name="set"/> to <paramref name="device"/> once.</summary>
    public BatchLoader(ImageSet set, int batchSize, Device device, IBatchTransform? transform = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.Count == 0) throw new ArgumentException("The image set is empty.", nameof(set));
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), "Batch size must be at least 1.");

        Count = set.Count;
        BatchSize = batchSize;
        _device = device;
        _transform = transform;

        // Detached so that a scope the caller happens to have open cannot free the buffers this loader owns.
        using (var hostPixels = torch.tensor(set.Pixels, [set.Count, ImageSet.Channels, ImageSet.Height, ImageSet.Width], dtype: ScalarType.Byte))
            _pixels = hostPixels.to(device).DetachFromDisposeScope();
        var labels = Array.ConvertAll(set.Labels, l => (long)l);
        using (var hostLabels = torch.tensor(labels, dtype: ScalarType.Int64))
            _labels = hostLabels.to(device).DetachFromDisposeScope();
    }

    /// <summary>Images in the set.</summary>
    public int Count { get; }

    /// <summary>Images per batch (the last batch may be smaller).</summary>
    public int BatchSize { get; }

    /// <summary>Batches per pass over the set.</summary>
    public int BatchCount => (Count + BatchSize - 1) / BatchSize;

    /// <summary>
    /// The order of one pass: a permutation drawn from <paramref name="shuffleSeed"/>, or 0..N-1 when it is null. The
    /// caller owns (disposes) the returned int64 tensor.
    /// </summary>
    public Tensor Order(long? shuffleSeed)
    {
        if (shuffleSeed is null)
            return torch.arange(Count, dtype: ScalarType.Int64, device: _device);

        // Drawn on the CPU with its own generator so that the order is the same whatever the device.
        using var generator = new Generator((ulong)shuffleSeed.Value);
        using var perm = torch.randperm(Count, generator: generator, dtype: ScalarType.Int64);
        return perm.to(_device);
    }

    /// <summary>
    /// Batch <paramref name="index"/> of the pass given by <paramref name="order"/>: images B×3×32×32 float32 in [0, 1]
    /// (augmented when a transform and a generator are given) and int64 labels. Both belong to the caller's dispose scope.
    /// </summary>
    public (Tensor Images, Tensor Labels) Batch(Tensor order, int index, Generator? augmentation = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        if ((uint)index >= (uint)BatchCount) throw new ArgumentOutOfRangeException(nameof(index), $"Batch {index} is outside 0..{BatchCount - 1}.");

        var start = (long)index * BatchSize;
        var length = Math.Min(BatchSize, Count - start);
        var indices = order.narrow(0, start, length);
        var images = ToTensor.FromBytes(_pixels.index_select(0, indices));
        if (_transform is not null && augmentation is not null)
            images = _transform.Apply(images, augmentation);

        return (images, _labels.index_select(0, indices));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _pixels.Dispose();
        _labels.Dispose();
    }
}
