using System.Security.Claims;
using Hw4.Dashboard.Features.Sharing;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// The one place that turns a user into an <see cref="AccessGrant"/>: the HTTP "Admin" policy, the run files, the
/// hub and the Blazor components (through <see cref="IHw4Access"/>) all ask here. A viewer's link is looked up on
/// every call, so revoking or expiring it takes effect at once.
/// </summary>
public sealed class AccessPolicy(AdminCredentials credentials, ShareStore shares)
{
    /// <summary>How admin is reached on this server.</summary>
    public AdminCredentials Credentials => credentials;

    /// <summary>What <paramref name="user"/> may do.</summary>
    public AccessGrant Evaluate(ClaimsPrincipal? user)
    {
        if (credentials.EveryoneIsAdmin)
            return AccessGrant.Admin;
        if (user?.Identity is not { IsAuthenticated: true })
            return AccessGrant.Nobody;
        if (user.IsInRole(AccessClaims.AdminRole) && user.FindFirst(AccessClaims.StampClaim)?.Value == credentials.Stamp)
            return AccessGrant.Admin;
        if (user.FindFirst(AccessClaims.ShareClaim)?.Value is not { } id)
            return AccessGrant.Nobody;
        return shares.FindActive(id) is { } link ? new AccessGrant(false, link) : AccessGrant.LapsedViewer;
    }
}
