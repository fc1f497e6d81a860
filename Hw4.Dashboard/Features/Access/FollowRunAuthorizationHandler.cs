using Hw4.Ml.Runs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// Decides <see cref="FollowRunRequirement"/> for a hub invocation whose first argument is the run id. A refusal is an
/// ordinary outcome (a viewer's link names another run, an anonymous probe), not a server error: it is logged once,
/// at information level, without a stack trace, and the client gets SignalR's "unauthorized" error, whether the run
/// exists or not. Refusing it here rather than throwing from the hub method is what keeps SignalR from logging each
/// refusal as a failed invocation, at error level with a stack, which anonymous clients could repeat to fill the log.
/// </summary>
public sealed class FollowRunAuthorizationHandler(AccessPolicy policy, ILogger<FollowRunAuthorizationHandler> logger)
    : AuthorizationHandler<FollowRunRequirement, HubInvocationContext>
{
    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, FollowRunRequirement requirement, HubInvocationContext resource)
    {
        var runId = resource.HubMethodArguments.Count > 0 ? resource.HubMethodArguments[0] as string : null;
        var grant = policy.Evaluate(context.User);
        if (runId is { Length: > 0 and <= 128 } && grant.CanFollowRun(runId))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var who = grant.IsAdmin ? "an admin" : grant.Share is { } link ? $"the viewer of link {link.Id}" : grant.HeldLink ? "a viewer whose link ended" : "an anonymous client";
        var shown = runId is null ? "(none)" : RunId.IsValid(runId) ? runId : "(not a run id)";
        logger.LogInformation("Refused a subscription of {Who} to run {RunId} on connection {ConnectionId}", who, shown, resource.Context.ConnectionId);
        return Task.CompletedTask;
    }
}
