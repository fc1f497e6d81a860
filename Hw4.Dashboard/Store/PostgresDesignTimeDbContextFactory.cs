using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hw4.Dashboard.Store;

/// <summary>
/// The same for PostgreSQL (<c>dotnet ef migrations add X --context PostgresHw4DbContext -o Store/Migrations/Postgres</c>);
/// adding a migration connects to nothing.
/// </summary>
public sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresHw4DbContext>
{
    /// <inheritdoc />
    public PostgresHw4DbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHw4DbContext>().UseNpgsql("Host=localhost;Database=hw4_design_time").Options);
}
