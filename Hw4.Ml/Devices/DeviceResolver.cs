using TorchSharp;

namespace Hw4.Ml.Devices;

/// <summary>Turns a <see cref="DeviceOption"/> into a torch device, once, with a clear error when CUDA is asked for but absent.</summary>
public static class DeviceResolver
{
    /// <summary>Parses <c>auto|cpu|cuda</c> (case-insensitive).</summary>
    public static DeviceOption Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "auto" => DeviceOption.Auto,
        "cpu" => DeviceOption.Cpu,
        "cuda" => DeviceOption.Cuda,
        _ => throw new ArgumentException($"Unknown device '{value}'; use auto, cpu or cuda."),
    };

    /// <summary>Resolves the option to a device.</summary>
    public static torch.Device Resolve(DeviceOption option) => option switch
    {
        DeviceOption.Cpu => torch.CPU,
        DeviceOption.Cuda when torch.cuda.is_available() => torch.CUDA,
        DeviceOption.Cuda => throw new InvalidOperationException(
            "CUDA was requested but LibTorch cannot use it: build with -p:Hw4Cuda=true on a machine with an NVIDIA driver, or use --device cpu."),
        _ => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
    };
}
