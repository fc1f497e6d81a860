using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hw4.Dashboard.Store;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the web host (and LibTorch).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<Hw4DbContext>
{
    /// <inheritdoc />
    public Hw4DbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<Hw4DbContext>().UseSqlite("Data Source=design-time.db").Options);
}
