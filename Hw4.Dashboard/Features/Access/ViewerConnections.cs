using System.Collections.Concurrent;
using Hw4.Dashboard.Features.Sharing;
using Hw4.Dashboard.Features.Streaming;
using Microsoft.AspNetCore.SignalR;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// The hub connections opened with a share link, each closed when its link is revoked or expires: the hub checks the
/// link when a run is subscribed, and this ends the stream that was granted before.
/// </summary>
public sealed class ViewerConnections(ShareStore shares, AccessPolicy access, TimeProvider time) : IHubConnectionWatch, IDisposable
{
    private readonly ConcurrentDictionary<string, ShareLinkWatch> _watches = new(StringComparer.Ordinal);

    /// <summary>Watches <paramref name="connection"/> when its user came in by a link (admins and the anonymous are not).</summary>
    public void Connected(HubCallerContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (access.Evaluate(connection.User) is not { IsAdmin: false, Share: { } link })
            return;
        var watch = new ShareLinkWatch(shares, time, link, connection.Abort);
        if (!_watches.TryAdd(connection.ConnectionId, watch))
            watch.Dispose();
    }

    /// <summary>Stops watching <paramref name="connectionId"/>.</summary>
    public void Disconnected(string connectionId)
    {
        if (_watches.TryRemove(connectionId, out var watch))
            watch.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var watch in _watches.Values)
            watch.Dispose();
        _watches.Clear();
    }
}
