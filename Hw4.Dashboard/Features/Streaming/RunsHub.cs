using Hw4.Dashboard.Features.Access;
using Microsoft.AspNetCore.SignalR;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// The run-event hub at <c>/hubs/runs</c>: one group per run. Subscribing hands the connection to the pump so the replay
/// and the live events after it leave in one ordered stream. A connection may follow a run only when its user is admin
/// or holds a share link naming that run; any other run is refused as if it did not exist. A viewer's connection is
/// closed when the link is revoked or expires (<see cref="ViewerConnections"/>).
/// </summary>
public sealed class RunsHub(RunEventNotifier notifier, AccessPolicy access, ViewerConnections viewers) : Hub<IRunsClient>
{
    /// <summary>The hub's path.</summary>
    public const string Path = "/hubs/runs";

    /// <summary>The group of a run.</summary>
    public static string GroupName(string runId) => $"run:{runId}";

    /// <inheritdoc />
    public override Task OnConnectedAsync()
    {
        viewers.Connected(Context);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        viewers.Disconnected(Context.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>Receive <paramref name="runId"/>'s events: those after <paramref name="lastSeq"/>, or a snapshot when null.</summary>
    public Task Subscribe(string runId, long? lastSeq)
    {
        if (string.IsNullOrWhiteSpace(runId))
            throw new HubException("Subscribe: runId must not be empty.");
        if (!access.Evaluate(Context.User).CanFollowRun(runId))
            throw new HubException("Subscribe: no such run.");
        return notifier.AttachConnectionAsync(Context.ConnectionId, runId, lastSeq, Context.ConnectionAborted);
    }

    /// <summary>Stop receiving <paramref name="runId"/>'s events.</summary>
    public Task Unsubscribe(string runId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(runId));
}
