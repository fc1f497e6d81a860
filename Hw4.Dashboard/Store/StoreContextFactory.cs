using Hw4.Dashboard.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Store;

/// <summary>
/// Makes the store's contexts for the provider the configuration chose: <see cref="PostgresHw4DbContext"/> when
/// <see cref="Hw4Options.Postgres"/> is set, else <see cref="Hw4DbContext"/> on the SQLite file of
/// <see cref="Hw4Options.Database"/>. Everything that reads the index asks for a <see cref="Hw4DbContext"/> and works on
/// either; only the job queue needs <see cref="CreatePostgres"/>.
/// </summary>
public sealed class StoreContextFactory : IDbContextFactory<Hw4DbContext>
{
    private readonly DbContextOptions<Hw4DbContext>? _sqlite;
    private readonly DbContextOptions<PostgresHw4DbContext>? _postgres;

    /// <summary>Reads the provider choice once.</summary>
    public StoreContextFactory(IOptions<Hw4Options> options, ILoggerFactory loggers)
    {
        var o = options.Value;
        if (o.UsesPostgres)
            _postgres = new DbContextOptionsBuilder<PostgresHw4DbContext>().UseNpgsql(o.Postgres).UseLoggerFactory(loggers).Options;
        else
            _sqlite = new DbContextOptionsBuilder<Hw4DbContext>().UseSqlite($"Data Source={RunStorePaths.DatabaseFile(o)}").UseLoggerFactory(loggers).Options;
    }

    /// <summary>True when the store is PostgreSQL.</summary>
    public bool IsPostgres => _postgres is not null;

    /// <inheritdoc />
    public Hw4DbContext CreateDbContext() => _postgres is not null ? new PostgresHw4DbContext(_postgres) : new Hw4DbContext(_sqlite!);

    /// <summary>A PostgreSQL context, for the job queue; throws when the store is SQLite.</summary>
    public PostgresHw4DbContext CreatePostgres() =>
        new(_postgres ?? throw new InvalidOperationException("The job queue in the store needs Hw4:Postgres; with SQLite the queue is in-process."));
}
