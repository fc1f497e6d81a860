namespace Hw4.Dashboard.Features.Access;

/// <summary>The <c>Hw4:Auth</c> configuration section: who may change things.</summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Hw4:Auth";

    /// <summary>
    /// The admin password, hashed (<c>dotnet run --project Hw4.Dashboard -- hash-password</c> prints one). Set: signing
    /// in with it is required for admin actions, on any address. Empty: on loopback the local user is admin; on any
    /// other address a one-time token printed at start signs in.
    /// </summary>
    public string? AdminPasswordHash { get; set; }

    /// <summary>Require sign-in even on loopback (a shared machine); with no password, the printed token signs in.</summary>
    public bool Required { get; set; }

    /// <summary>Sign-in attempts allowed per client address per <see cref="SignInWindowSeconds"/>; more get 429.</summary>
    public int SignInAttempts { get; set; } = 5;

    /// <summary>The sign-in rate-limit window.</summary>
    public int SignInWindowSeconds { get; set; } = 60;

    /// <summary>How long an admin sign-in lasts (sliding).</summary>
    public int SessionHours { get; set; } = 12;
}
