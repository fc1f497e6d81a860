namespace Hw4.Dashboard.Features.Sharing;

/// <summary>The answer of <c>POST /api/shares</c>: the link's id, its URL (with the token, shown this once) and its expiry.</summary>
/// <param name="Id">The link's id (for <c>DELETE /api/shares/{id}</c>).</param>
/// <param name="Url">The absolute URL a viewer opens.</param>
/// <param name="ExpiresUtc">When it stops working; null: until revoked.</param>
public sealed record ShareMade(string Id, string Url, DateTimeOffset? ExpiresUtc);
