using Hw4.Ml.Runs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Configuration;

/// <summary>Registers the one <see cref="RunRepository"/> of <c>Hw4:ArtifactsDir</c> (idempotent: every feature that opens runs asks for it).</summary>
public static class RunRepositoryServiceExtensions
{
    /// <summary>Adds the repository of this host's artifacts folder, on the registered clock, reading within <c>Hw4:RunFiles</c>.</summary>
    public static IServiceCollection AddRunRepository(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<Hw4Options>>().Value;
            return new RunRepository(RunStorePaths.ArtifactsDir(options), sp.GetRequiredService<TimeProvider>(), options.RunFiles);
        });
        return services;
    }
}
