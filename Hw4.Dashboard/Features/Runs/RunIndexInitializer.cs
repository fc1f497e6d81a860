using Hw4.Dashboard.Configuration;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Runs;

/// <summary>At start: migrate the index, then rebuild it from the artifacts folder so runs trained by the CLI show up.</summary>
public sealed class RunIndexInitializer(RunIndex index, IOptions<Hw4Options> options, ILogger<RunIndexInitializer> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await index.InitializeAsync(cancellationToken) is { } aside)
            logger.LogWarning("Run index rebuilt from the run folders; the damaged file is kept at {Aside}", aside);
        var artifactsDir = RunStorePaths.ArtifactsDir(options.Value);
        var count = await index.RebuildAsync(artifactsDir, cancellationToken);
        logger.LogInformation("Run index: {Count} runs from {ArtifactsDir}", count, artifactsDir);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
