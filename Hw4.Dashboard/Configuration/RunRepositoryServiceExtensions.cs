using Hw4.Ml.Runs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Configuration;

/// <summary>Registers the one <see cref="RunRepository"/> of <c>Hw4:ArtifactsDir</c> (idempotent: every feature that opens runs asks for it).</summary>
public static class RunRepositoryServiceExtensions
{
    /// <summary>Adds the repository of this host's artifacts folder, on the registered clock.</summary>
    public static IServiceCollection AddRunRepository(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RunRepository(
            RunStorePaths.ArtifactsDir(sp.GetRequiredService<IOptions<Hw4Options>>().Value), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
