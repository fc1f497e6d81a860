namespace Hw4.Dashboard.Features.Access;

/// <summary>How a user becomes admin on this server.</summary>
public enum SignInMode
{
    /// <summary>Loopback only and no password: everyone who can reach the server is the local user, and admin.</summary>
    None,

    /// <summary>With the configured admin password.</summary>
    Password,

    /// <summary>With the token printed on the console at start (no password configured).</summary>
    StartupToken,
}
