using Hw4.Dashboard.Features.Denoising;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Training;
using Hw4.Dashboard.Tests.Features.Runs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Components;

/// <summary>
/// bUnit base for pages over the run index: the real SQLite index, notifier and queue, with the artifacts folder and the
/// database in a temp folder. Tests write run folders with <see cref="Runs"/>, then call <see cref="IndexAsync"/>.
/// </summary>
public abstract class RunStoreBunitTest : MudBunitTest, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hw4-pages-").FullName;

    /// <summary>Registers the store, streaming and queue services over the temp folder.</summary>
    protected RunStoreBunitTest()
    {
        Context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Context.Services.AddLogging();
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddOptions<Hw4Options>().Configure(o =>
        {
            o.ArtifactsDir = ArtifactsDir;
            o.Database = Path.Combine(_root, "hw4.db");
        });
        Context.Services.AddSingleton(sp => DataLocator.FromOptions(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hw4Options>>().Value));
        Context.Services.AddRunStreaming();
        Context.Services.AddRunQueue();
        // RunRecovery (a hosted service of AddTraining) queues denoising runs again too.
        Context.Services.AddSingleton(new Hw4.Dashboard.Features.Device.DeviceContext(TorchSharp.torch.CPU));
        Context.Services.AddDenoising();
        Context.Services.AddTraining();
        Context.Services.AddRunStore(scanAtStart: false);
        Directory.CreateDirectory(ArtifactsDir);
    }

    /// <summary>The artifacts folder.</summary>
    protected string ArtifactsDir => Path.Combine(_root, "runs");

    /// <summary>Writes fixture run folders.</summary>
    protected RunFolderBuilder Runs => new(ArtifactsDir);

    /// <summary>Migrates the index and rebuilds it from the artifacts folder.</summary>
    protected async Task IndexAsync()
    {
        var index = Context.Services.GetRequiredService<RunIndex>();
        await index.InitializeAsync();
        await index.RebuildAsync(ArtifactsDir);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }
}
