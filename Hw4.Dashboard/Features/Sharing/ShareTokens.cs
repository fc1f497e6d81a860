using System.Security.Cryptography;
using System.Text;

namespace Hw4.Dashboard.Features.Sharing;

/// <summary>
/// Share tokens: 128 random bits from <see cref="RandomNumberGenerator"/>, written base64url (22 characters). Only their
/// SHA-256 is stored; a token that random cannot be guessed or found from its hash, so no salt or slow hash is needed.
/// </summary>
public static class ShareTokens
{
    /// <summary>Random bytes in a token.</summary>
    public const int TokenBytes = 16;

    /// <summary>The path that opens a link.</summary>
    public const string LinkPrefix = "/s/";

    /// <summary>A new token.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>A new link id (not secret; shorter).</summary>
    public static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(6));

    /// <summary>The stored form of <paramref name="token"/>: lower-case hex SHA-256 of its UTF-8 bytes.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The path of the link for <paramref name="token"/>.</summary>
    public static string LinkPath(string token) => LinkPrefix + token;

    /// <summary>True when <paramref name="token"/> has the shape of a token (so junk is refused before hashing).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: >= 22 and <= 64 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
