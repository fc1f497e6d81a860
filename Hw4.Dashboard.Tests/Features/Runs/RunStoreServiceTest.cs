using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Features.Runs;

/// <summary>A real run store (SQLite index and run folders in a temp dir) behind a service provider, per test.</summary>
public abstract class RunStoreServiceTest : IAsyncLifetime
{
    /// <summary>The temp folder and its fixture writers.</summary>
    protected RunStoreFiles Files { get; } = new();

    /// <summary>The store's services, built over <see cref="Files"/>.</summary>
    protected ServiceProvider Services { get; private set; } = default!;

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        Services = Files.AddTo(new ServiceCollection()).BuildServiceProvider();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        Files.Dispose();
    }
}
