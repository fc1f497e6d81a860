using Microsoft.AspNetCore.Authorization;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// The "FollowRun" policy's requirement on the hub's <c>Subscribe(runId, …)</c>: met when <see cref="AccessPolicy"/>
/// lets the caller follow that run (<see cref="AccessGrant.CanFollowRun"/>).
/// </summary>
public sealed class FollowRunRequirement : IAuthorizationRequirement
{
    /// <inheritdoc />
    public override string ToString() => "FollowRun: the caller may follow the run (admin, or a share link naming it)";
}
