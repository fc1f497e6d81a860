using System.Security.Cryptography;
using System.Text;
using Hw4.Dashboard.Configuration;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// How admin is reached on this server, fixed at start (<see cref="SignInMode"/>): nobody signs in when the server
/// listens on loopback only and no password is set (as Jupyter and TensorBoard do locally); otherwise the configured
/// password, or else a token made now and printed on the console (as Jupyter does). The token lives only in this
/// process, so a restart invalidates it and every sign-in made with it.
/// </summary>
public sealed class AdminCredentials
{
    private readonly string? _passwordHash;

    /// <summary>Reads <see cref="AuthOptions"/> and the listen addresses; a malformed password hash stops the start.</summary>
    public AdminCredentials(IOptions<AuthOptions> options, IConfiguration? configuration = null)
    {
        var auth = options.Value;
        LoopbackOnly = configuration is null || DefaultUrls.IsLoopbackOnly(configuration);
        _passwordHash = string.IsNullOrWhiteSpace(auth.AdminPasswordHash) ? null : auth.AdminPasswordHash.Trim();
        if (_passwordHash is not null && !AdminPassword.IsWellFormed(_passwordHash))
            throw new StartupConfigurationException("Hw4:Auth:AdminPasswordHash is not a password hash; make one with `hash-password`.");

        if (_passwordHash is not null)
        {
            Mode = SignInMode.Password;
            Stamp = Fingerprint(_passwordHash);
        }
        else if (LoopbackOnly && !auth.Required)
        {
            Mode = SignInMode.None;
            Stamp = "open";
        }
        else
        {
            Mode = SignInMode.StartupToken;
            StartupToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            Stamp = Fingerprint(StartupToken);
        }
    }

    /// <summary>How admin is reached.</summary>
    public SignInMode Mode { get; }

    /// <summary>True when every listen address is a loopback one.</summary>
    public bool LoopbackOnly { get; }

    /// <summary>The console token, in <see cref="SignInMode.StartupToken"/> mode only.</summary>
    public string? StartupToken { get; }

    /// <summary>
    /// Names the current credential without revealing it; an admin cookie carries it, so changing the password or
    /// restarting in token mode ends earlier sign-ins.
    /// </summary>
    public string Stamp { get; }

    /// <summary>True when everyone is admin (<see cref="SignInMode.None"/>).</summary>
    public bool EveryoneIsAdmin => Mode == SignInMode.None;

    /// <summary>True when <paramref name="secret"/> is the password (or, in token mode, the token).</summary>
    public bool Check(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 1024)
            return false;
        return Mode switch
        {
            SignInMode.Password => AdminPassword.Verify(_passwordHash!, secret),
            SignInMode.StartupToken => CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(secret)), SHA256.HashData(Encoding.UTF8.GetBytes(StartupToken!))),
            _ => false,
        };
    }

    private static string Fingerprint(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("hw4-admin:" + secret)))[..16];
}
