using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>Makes <see cref="DenoiseJob"/>s for the schedulers, each with the tab that queued it when that tab is on this host.</summary>
public sealed class DenoiseJobFactory(DeviceContext device, RunEventNotifier notifier, DenoiseSessions sessions, HostIdentity host) : IRunJobFactory
{
    /// <inheritdoc />
    public string Kind => RunKinds.Denoise;

    /// <inheritdoc />
    public IRunJob Create(RunDirectory dir, long? attempt) => new DenoiseJob(dir, device.Device, notifier, sessions.Take(dir.Id), host.Name, attempt);
}
