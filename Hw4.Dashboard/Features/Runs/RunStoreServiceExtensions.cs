using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hw4.Dashboard.Features.Runs;

/// <summary>
/// Registers the run index (EF Core on SQLite, or on PostgreSQL when <see cref="Hw4Options.Postgres"/> is set) and its
/// start-up migration and scan.
/// </summary>
public static class RunStoreServiceExtensions
{
    /// <summary>Adds the index. With <paramref name="scanAtStart"/> a hosted service migrates and rebuilds it at start.</summary>
    public static IServiceCollection AddRunStore(this IServiceCollection services, bool scanAtStart = true)
    {
        services.AddRunRepository();
        services.TryAddSingleton<StoreContextFactory>();
        services.AddSingleton<IDbContextFactory<Hw4DbContext>>(sp => sp.GetRequiredService<StoreContextFactory>());
        services.AddSingleton<RunIndex>();
        services.AddSingleton<Notes.RunNotesService>();
        // Deleting a run revokes its share links.
        services.TryAddSingleton<Sharing.ShareStore>();
        services.AddSingleton<RunDeleter>();
        services.AddSingleton<Detail.ModelSummaryProvider>();
        // A finished run's metrics.jsonl parsed once for its page (prerender, interactive render, live view's charts).
        services.TryAddSingleton<Live.RunMetricsCache>();
        if (scanAtStart)
        {
            services.AddHostedService<RunIndexInitializer>();
            services.AddSingleton<RunIndexUpdater>();
            services.AddHostedService(sp => sp.GetRequiredService<RunIndexUpdater>());
        }
        return services;
    }
}
