using Hw4.Dashboard.Configuration;
using Hw4.Ml.Devices;
using TorchSharp;

namespace Hw4.Dashboard.Features.Device;

/// <summary>The torch device every job of this process uses, resolved once at start from <c>Hw4:Device</c>.</summary>
public sealed class DeviceContext(torch.Device device)
{
    /// <summary>The resolved device.</summary>
    public torch.Device Device { get; } = device;

    /// <summary>A short display name such as <c>cpu</c> or <c>cuda:0</c>.</summary>
    public string Name { get; } = device.type == DeviceType.CUDA ? $"cuda:{Math.Max(device.index, 0)}" : device.type.ToString().ToLowerInvariant();

    /// <summary>Resolves the configured option (already validated as <c>auto|cpu|cuda</c>).</summary>
    public static DeviceContext FromOptions(Hw4Options options)
    {
        try
        {
            return new(DeviceResolver.Resolve(DeviceResolver.Parse(options.Device)));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new StartupConfigurationException($"Hw4:Device: {e.Message}", e);
        }
    }
}
