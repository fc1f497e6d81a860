using Microsoft.AspNetCore.SignalR;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// Told when a connection to <see cref="RunsHub"/> opens and closes, e.g. to close a viewer's connection when its share
/// link ends (<c>Features/Access</c> registers that one).
/// </summary>
public interface IHubConnectionWatch
{
    /// <summary><paramref name="connection"/> opened.</summary>
    void Connected(HubCallerContext connection);

    /// <summary>The connection <paramref name="connectionId"/> closed.</summary>
    void Disconnected(string connectionId);
}
