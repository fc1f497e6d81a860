namespace Hw4.Dashboard.Features.Sharing;

/// <summary>A link just made: the stored record and the token, which exists nowhere else and is shown only now.</summary>
/// <param name="Link">The stored link.</param>
/// <param name="Token">The secret part of the URL.</param>
public sealed record ShareCreated(ShareLink Link, string Token)
{
    /// <summary>The path a viewer opens (<c>/s/{token}</c>).</summary>
    public string Path => ShareTokens.LinkPath(Token);
}
