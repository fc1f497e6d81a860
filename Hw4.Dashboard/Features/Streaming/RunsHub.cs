using Hw4.Dashboard.Features.Access;
using Microsoft.AspNetCore.SignalR;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// The run-event hub at <c>/hubs/runs</c>: one group per run. Subscribing hands the connection to the pump so the replay
/// and the live events after it leave in one ordered stream. A connection may follow a run only when its user is admin
/// or holds a share link naming that run (the "FollowRun" policy, <see cref="FollowRunAuthorizationHandler"/>); any
/// other run is refused as unauthorized whether it exists or not, and logged once at information level. A viewer's
/// connection is closed when the link is revoked or expires (the <see cref="IHubConnectionWatch"/> that access registers).
/// </summary>
public sealed class RunsHub(RunEventNotifier notifier, IEnumerable<IHubConnectionWatch> watches) : Hub<IRunsClient>
{
    /// <summary>The hub's path.</summary>
    public const string Path = "/hubs/runs";

    /// <summary>The group of a run.</summary>
    public static string GroupName(string runId) => $"run:{runId}";

    /// <inheritdoc />
    public override Task OnConnectedAsync()
    {
        foreach (var watch in watches)
            watch.Connected(Context);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var watch in watches)
            watch.Disconnected(Context.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Receive <paramref name="runId"/>'s events: those after <paramref name="lastSeq"/>, or a snapshot when null.
    /// Authorized per run before it is called.
    /// </summary>
    [Microsoft.AspNetCore.Authorization.Authorize(Policy = AccessClaims.FollowRunPolicy)]
    public Task Subscribe(string runId, long? lastSeq) =>
        notifier.AttachConnectionAsync(Context.ConnectionId, runId, lastSeq, Context.ConnectionAborted);

    /// <summary>Stop receiving <paramref name="runId"/>'s events.</summary>
    public Task Unsubscribe(string runId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(runId));
}
