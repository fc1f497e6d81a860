using Microsoft.AspNetCore.Authorization;

namespace Hw4.Dashboard.Features.Access;

/// <summary>Meets <see cref="AdminRequirement"/> for whoever <see cref="AccessPolicy"/> says is admin.</summary>
public sealed class AdminAuthorizationHandler(AccessPolicy policy) : AuthorizationHandler<AdminRequirement>
{
    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminRequirement requirement)
    {
        if (policy.Evaluate(context.User).IsAdmin)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
