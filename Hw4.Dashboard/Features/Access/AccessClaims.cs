using System.Security.Claims;

namespace Hw4.Dashboard.Features.Access;

/// <summary>The claims Hw4's sign-in cookie carries: an admin (with the credential's stamp) or a viewer (with a link id).</summary>
public static class AccessClaims
{
    /// <summary>The cookie authentication scheme.</summary>
    public const string Scheme = "Hw4";

    /// <summary>The "Admin" authorization policy.</summary>
    public const string AdminPolicy = "Admin";

    /// <summary>The "FollowRun" authorization policy of the hub's Subscribe (<see cref="FollowRunRequirement"/>).</summary>
    public const string FollowRunPolicy = "FollowRun";

    /// <summary>The admin role.</summary>
    public const string AdminRole = "admin";

    /// <summary>The claim naming the credential an admin signed in with (<see cref="AdminCredentials.Stamp"/>).</summary>
    public const string StampClaim = "hw4:stamp";

    /// <summary>The claim naming the share link a viewer came in by.</summary>
    public const string ShareClaim = "hw4:share";

    /// <summary>A signed-in admin.</summary>
    public static ClaimsPrincipal Admin(string stamp) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, AdminRole), new Claim(StampClaim, stamp)], Scheme));

    /// <summary>A viewer holding link <paramref name="shareId"/>.</summary>
    public static ClaimsPrincipal Viewer(string shareId) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "viewer"), new Claim(ShareClaim, shareId)], Scheme));
}
