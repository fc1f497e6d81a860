using Hw4.Dashboard.Features.Streaming;
using TorchSharp;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>What a denoising job needs from the app: the device and the notifier.</summary>
public sealed record DenoiseJobContext(torch.Device Device, string DeviceName, RunEventNotifier Notifier);
