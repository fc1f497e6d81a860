using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Configuration;

/// <summary>This host's name in the store's queue: <see cref="Hw4Options.HostName"/>, else the machine name.</summary>
public sealed class HostIdentity(IOptions<Hw4Options> options)
{
    /// <summary>The name.</summary>
    public string Name { get; } = string.IsNullOrWhiteSpace(options.Value.HostName) ? Environment.MachineName : options.Value.HostName.Trim();
}
