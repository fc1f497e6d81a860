using Microsoft.AspNetCore.Identity;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// Hashes and checks the admin password with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with
/// HMAC-SHA512, 100,000 iterations, a random salt, the format versioned in the hash), so no home-made scheme is needed.
/// </summary>
public static class AdminPassword
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object User = new();

    /// <summary>The hash of <paramref name="password"/> (a new salt every call).</summary>
    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return Hasher.HashPassword(User, password);
    }

    /// <summary>True when <paramref name="password"/> matches <paramref name="hash"/>; false for a malformed hash.</summary>
    public static bool Verify(string hash, string? password)
    {
        if (string.IsNullOrEmpty(password) || string.IsNullOrWhiteSpace(hash))
            return false;
        try
        {
            return Hasher.VerifyHashedPassword(User, hash, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="hash"/> has the shape of a hash this class makes.</summary>
    public static bool IsWellFormed(string hash)
    {
        try
        {
            var bytes = Convert.FromBase64String(hash);
            return bytes.Length > 13 && bytes[0] == 0x01;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
