using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Features.Runs;

/// <summary>
/// A real run store (an index and run folders in a temp dir) behind a service provider, per test. The index is SQLite;
/// a subclass that overrides <see cref="OnPostgres"/> runs the same tests with it on PostgreSQL (a database of its own).
/// </summary>
public abstract class RunStoreServiceTest : IAsyncLifetime
{
    private readonly Integration.PostgresTestDatabase _postgres = new();

    /// <summary>True: the index is on the PostgreSQL test server.</summary>
    protected virtual bool OnPostgres => false;

    /// <summary>The temp folder and its fixture writers.</summary>
    protected RunStoreFiles Files { get; } = new();

    /// <summary>The store's services, built over <see cref="Files"/>.</summary>
    protected ServiceProvider Services { get; private set; } = default!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (OnPostgres)
            Files.Postgres = await _postgres.CreateAsync();
        Services = Files.AddTo(new ServiceCollection()).BuildServiceProvider();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await _postgres.DropAsync();
        Files.Dispose();
    }
}
