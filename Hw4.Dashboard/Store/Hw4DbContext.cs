using Microsoft.EntityFrameworkCore;

namespace Hw4.Dashboard.Store;

/// <summary>
/// The run index, on SQLite (this type, with the migrations in <c>Migrations/</c>) or on PostgreSQL
/// (<see cref="PostgresHw4DbContext"/>, same model, its own migrations). The run folders stay the source of truth; this
/// can always be rebuilt from them.
/// </summary>
public class Hw4DbContext : DbContext
{
    /// <summary>The SQLite context.</summary>
    public Hw4DbContext(DbContextOptions<Hw4DbContext> options) : base(options)
    {
    }

    /// <summary>For a provider's own context type (EF keeps migrations per context type).</summary>
    protected Hw4DbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>Indexed runs.</summary>
    public DbSet<RunRow> Runs => Set<RunRow>();

    /// <summary>Per-epoch metrics.</summary>
    public DbSet<EpochRecord> Epochs => Set<EpochRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var run = modelBuilder.Entity<RunRow>();
        run.HasKey(r => r.Id);
        run.Property(r => r.Id).HasMaxLength(128);
        run.Property(r => r.Kind).HasMaxLength(16);
        run.Property(r => r.Model).HasMaxLength(64);
        run.Property(r => r.Status).HasMaxLength(16);
        run.Property(r => r.Problem).HasMaxLength(2048);
        // Tags are a primitive collection: EF keeps them as a JSON array in one TEXT column.
        run.Property(r => r.Notes).HasMaxLength(Hw4.Dashboard.Features.Runs.Notes.RunNotesRules.MaxNotesLength);
        // SQLite cannot order DateTimeOffset natively; store UTC ticks so "newest first" sorts in SQL.
        run.Property(r => r.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        run.Property(r => r.IndexedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        run.HasIndex(r => r.CreatedAt);
        run.HasMany(r => r.Epochs).WithOne().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);

        modelBuilder.Entity<EpochRecord>().HasKey(e => new { e.RunId, e.Epoch });
    }
}
