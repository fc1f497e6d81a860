using Microsoft.AspNetCore.Components.Authorization;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// <see cref="IHw4Access"/> over Blazor's <see cref="AuthenticationStateProvider"/>, which holds the user of the
/// request that opened the circuit (the sign-in cookie). Without a provider (a test host) the user is anonymous.
/// </summary>
public sealed class Hw4Access(AccessPolicy policy, AuthenticationStateProvider? authentication = null) : IHw4Access
{
    /// <inheritdoc />
    public async Task<AccessGrant> GetAsync()
    {
        // Asked even where everyone is admin: a share link's viewer stays a viewer there too.
        var state = authentication is null ? null : await authentication.GetAuthenticationStateAsync();
        return policy.Evaluate(state?.User);
    }
}
