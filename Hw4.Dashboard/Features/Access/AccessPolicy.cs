using System.Security.Claims;
using Hw4.Dashboard.Features.Sharing;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// The one place that turns a user into an <see cref="AccessGrant"/>: the HTTP "Admin" policy, the run files, the
/// hub and the Blazor components (through <see cref="IHw4Access"/>) all ask here. A viewer's link is looked up on
/// every call, so revoking or expiring it takes effect at once. Whoever came in by a share link is its viewer on every
/// server, a loopback one without a password included (where everyone else is admin): a link opened in a fresh browser
/// shows what a teammate would see, never the whole app.
/// </summary>
public sealed class AccessPolicy(AdminCredentials credentials, ShareStore shares)
{
    /// <summary>How admin is reached on this server.</summary>
    public AdminCredentials Credentials => credentials;

    /// <summary>What <paramref name="user"/> may do.</summary>
    public AccessGrant Evaluate(ClaimsPrincipal? user)
    {
        var signedIn = user?.Identity is { IsAuthenticated: true };
        if (signedIn && user!.IsInRole(AccessClaims.AdminRole) && user.FindFirst(AccessClaims.StampClaim)?.Value == credentials.Stamp)
            return AccessGrant.Admin;
        if (signedIn && user!.FindFirst(AccessClaims.ShareClaim)?.Value is { } id)
            return shares.FindActive(id) is { } link ? new AccessGrant(false, link) : AccessGrant.LapsedViewer;
        return credentials.EveryoneIsAdmin ? AccessGrant.Admin : AccessGrant.Nobody;
    }
}
