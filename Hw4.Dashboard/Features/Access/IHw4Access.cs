namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// What the user of this Blazor circuit (or prerendered request) may do, for components: they show controls from
/// <see cref="GetAsync"/> and check <see cref="DemandAdminAsync"/> on the server before acting, so a hidden button is
/// never the only guard.
/// </summary>
public interface IHw4Access
{
    /// <summary>The user's grant, evaluated now (a revoked link stops working at once).</summary>
    Task<AccessGrant> GetAsync();

    /// <summary>True when the user is admin.</summary>
    async Task<bool> IsAdminAsync() => (await GetAsync()).IsAdmin;

    /// <summary>Throws <see cref="UnauthorizedAccessException"/> unless the user is admin.</summary>
    async Task DemandAdminAsync()
    {
        if (!await IsAdminAsync())
            throw new UnauthorizedAccessException(NotAdminMessage);
    }

    /// <summary>What a refused action says.</summary>
    const string NotAdminMessage = "Only an admin can do this; sign in first.";
}
