using Hw4.Dashboard.Features.Queue.Store;
using Microsoft.EntityFrameworkCore;

namespace Hw4.Dashboard.Store;

/// <summary>
/// The store on PostgreSQL: the run index of <see cref="Hw4DbContext"/> plus the job queue that hosts claim runs from
/// (SQLite keeps its in-process queue instead). Migrations of its own (<c>Migrations/Postgres/</c>), because EF Core's
/// migrations hold provider-specific column types.
/// </summary>
public sealed class PostgresHw4DbContext(DbContextOptions<PostgresHw4DbContext> options) : Hw4DbContext(options)
{
    /// <summary>Queued and claimed runs.</summary>
    public DbSet<JobRow> Jobs => Set<JobRow>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var job = modelBuilder.Entity<JobRow>();
        job.ToTable("jobs");
        job.HasKey(j => j.RunId);
        job.Property(j => j.RunId).HasColumnName("run_id").HasMaxLength(128);
        job.Property(j => j.Kind).HasColumnName("kind").HasMaxLength(16);
        job.Property(j => j.QueuedAt).HasColumnName("queued_at");
        job.Property(j => j.Host).HasColumnName("host").HasMaxLength(128);
        job.Property(j => j.ClaimedAt).HasColumnName("claimed_at");
        job.Property(j => j.HeartbeatAt).HasColumnName("heartbeat_at");
        job.Property(j => j.StopRequested).HasColumnName("stop_requested");
        job.Property(j => j.Attempt).HasColumnName("attempt");
        job.HasIndex(j => j.QueuedAt);
    }
}
