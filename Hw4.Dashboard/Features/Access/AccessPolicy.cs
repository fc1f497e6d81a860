using System.Security.Claims;
using Hw4.Dashboard.Features.Sharing;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// The one place that turns a user into an <see cref="AccessGrant"/>: the HTTP "Admin" policy, the run files, the
/// hub and the Blazor components (through <see cref="IHw4Access"/>) all ask here. A viewer's link is looked up on
/// every call, so revoking or expiring it takes effect at once. Whoever came in by a share link is its viewer on every
/// server, a loopback one without a password included (where everyone else is admin): a link opened in a fresh browser
/// shows what a teammate would see, never the whole app. An admin's cookie is checked against the current security
/// stamp (the credential's fingerprint and <see cref="AdminSessions"/>), so signing out or changing the password ends
/// every admin session at once.
/// </summary>
public sealed class AccessPolicy(AdminCredentials credentials, ShareStore shares, AdminSessions sessions)
{
    /// <summary>How admin is reached on this server.</summary>
    public AdminCredentials Credentials => credentials;

    /// <summary>The stamp an admin cookie must carry now: the credential's fingerprint and the session stamp.</summary>
    public string AdminStamp => $"{credentials.Stamp}.{sessions.Current}";

    /// <summary>Ends every admin session (sign-out): cookies issued before carry a stamp that no longer matches.</summary>
    public void EndAdminSessions() => sessions.EndAll();

    /// <summary>True for an admin cookie whose stamp is no longer the current one (signed out, or another password).</summary>
    public bool IsStaleAdmin(System.Security.Claims.ClaimsPrincipal user) =>
        !credentials.EveryoneIsAdmin && user.IsInRole(AccessClaims.AdminRole) && user.FindFirst(AccessClaims.StampClaim)?.Value != AdminStamp;

    /// <summary>What <paramref name="user"/> may do.</summary>
    public AccessGrant Evaluate(ClaimsPrincipal? user)
    {
        var signedIn = user?.Identity is { IsAuthenticated: true };
        if (signedIn && user!.IsInRole(AccessClaims.AdminRole) && user.FindFirst(AccessClaims.StampClaim)?.Value == AdminStamp)
            return AccessGrant.Admin;
        if (signedIn && user!.FindFirst(AccessClaims.ShareClaim)?.Value is { } id)
            return shares.FindActive(id) is { } link ? new AccessGrant(false, link) : AccessGrant.LapsedViewer;
        return credentials.EveryoneIsAdmin ? AccessGrant.Admin : AccessGrant.Nobody;
    }
}
