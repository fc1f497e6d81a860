namespace Hw4.Dashboard.Features.Sharing;

/// <summary>One active link as <c>GET /api/shares</c> lists it: everything but the token (which is not kept).</summary>
/// <param name="Id">The link's id.</param>
/// <param name="Kind"><c>run</c>, <c>compare</c> or <c>report</c>.</param>
/// <param name="Runs">The runs it shows.</param>
/// <param name="Checkpoints">Whether the viewer may download checkpoints.</param>
/// <param name="CreatedUtc">When it was made.</param>
/// <param name="ExpiresUtc">When it stops working; null: until revoked.</param>
/// <param name="LastUsedUtc">When a viewer last opened it.</param>
public sealed record ShareListing(
    string Id, string Kind, IReadOnlyList<string> Runs, bool Checkpoints, DateTimeOffset CreatedUtc, DateTimeOffset? ExpiresUtc, DateTimeOffset? LastUsedUtc)
{
    /// <summary>The listing of <paramref name="link"/>.</summary>
    public static ShareListing Of(ShareLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(link.Id, link.Kind.ToString().ToLowerInvariant(), link.RunIds, link.AllowCheckpoints, link.CreatedUtc, link.ExpiresUtc, link.LastUsedUtc);
    }
}
