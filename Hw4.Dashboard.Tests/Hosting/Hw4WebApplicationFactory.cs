using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hw4.Dashboard.Tests.Hosting;

/// <summary>The real app in-memory, with its run index and artifacts folder in a temp folder instead of the user's.</summary>
public sealed class Hw4WebApplicationFactory : WebApplicationFactory<Program>
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-web-").FullName;

    /// <summary>The app's artifacts folder (Hw4:ArtifactsDir); tests write run folders here.</summary>
    public string ArtifactsDir => Path.Combine(_dir, "runs");

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Hw4:Database", Path.Combine(_dir, "hw4.db"));
        builder.UseSetting("Hw4:ArtifactsDir", ArtifactsDir);
        builder.UseSetting("Hw4:Device", "cpu");
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
