namespace Hw4.Dashboard.Tests.Hosting;

/// <summary><see cref="AuthWebApplicationFactory"/> allowing three sign-in attempts a minute.</summary>
public sealed class RateLimitedAuthWebApplicationFactory : AuthWebApplicationFactory
{
    /// <summary>Attempts allowed per minute.</summary>
    public const int Attempts = 3;

    /// <inheritdoc />
    protected override int SignInAttempts => Attempts;
}
