using Hw4.Dashboard.Configuration;

namespace Hw4.Dashboard.Features.Streaming.Redis;

/// <summary>
/// This process among the hosts sharing Redis: the host's name (<see cref="HostIdentity"/>) made unique per process, so
/// that two instances on one machine, or a restarted one, never answer for each other.
/// </summary>
public sealed class StreamingInstance(HostIdentity host)
{
    /// <summary>The id, e.g. <c>gpu-1#4242-9f1c2a7b</c>.</summary>
    public string Id { get; } = $"{host.Name}#{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}
