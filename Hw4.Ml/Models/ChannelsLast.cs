using static TorchSharp.torch;

namespace Hw4.Ml.Models;

/// <summary>
/// Lays a 4-D N×C×H×W batch out channels-last (NHWC strides, same shape and values). Convolutions then take LibTorch's
/// oneDNN NHWC kernels: on this project's build machine (LibTorch 2.10, oneDNN 3.7.1, AVX-512) the default blocked
/// NCHW kernels returned NaN within the first Adam steps of the CIFAR CNN, while the NHWC ones stay finite, match a
/// float64 reference as closely as ATen's own float32 convolution, and run about 2–3× faster than ATen's.
/// TorchSharp has no memory-format argument, so this uses the permute/contiguous/permute idiom.
/// </summary>
public static class ChannelsLast
{
    /// <summary>The same batch with channels-last strides; a tensor that already has them is returned as is.</summary>
    public static Tensor Apply(Tensor batch)
    {
        if (batch.dim() != 4 || IsChannelsLast(batch))
            return batch;
        return batch.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
    }

    /// <summary>Whether the channel stride is 1 and width, height and batch strides follow NHWC order.</summary>
    public static bool IsChannelsLast(Tensor batch)
    {
        if (batch.dim() != 4)
            return false;
        var (c, h, w) = (batch.shape[1], batch.shape[2], batch.shape[3]);
        return batch.stride(1) == 1 && batch.stride(3) == c && batch.stride(2) == c * w && batch.stride(0) == c * h * w;
    }
}
