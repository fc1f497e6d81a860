namespace Hw4.Ml.Devices;

/// <summary>Where tensors live: <c>auto</c> picks CUDA when LibTorch can use it, else the CPU.</summary>
public enum DeviceOption
{
    /// <summary>CUDA when available, otherwise CPU.</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>The first CUDA device; fails clearly when the CUDA build of LibTorch is not present.</summary>
    Cuda,
}
