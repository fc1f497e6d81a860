using System.Net;
using Hw4.Dashboard.Tests.Features.Runs;

namespace Hw4.Dashboard.Tests.Hosting;

/// <summary>GET /runs/{id}/files/{**path} against the real app: serves run files, refuses everything outside the run.</summary>
[Collection(HostingCollection.Name)]
public sealed class RunFilesEndpointTests(Hw4WebApplicationFactory factory) : IClassFixture<Hw4WebApplicationFactory>
{
    private void EnsureRun()
    {
        if (!Directory.Exists(Path.Combine(factory.ArtifactsDir, "files-run")))
            new RunFolderBuilder(factory.ArtifactsDir).Finished("files-run", "cnn", [1.0, 0.9], [[5, 1, 0], [2, 2, 0], [0, 0, 4]]);
        File.WriteAllText(Path.Combine(factory.ArtifactsDir, "outside.txt"), "not yours");
    }

    [Fact]
    public async Task Get_Checkpoint_ServesItsBytesAsOctetStreamAttachment()
    {
        EnsureRun();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/runs/files-run/files/checkpoints/model_2.params");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("model_2.params", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(RunFolderBuilder.CheckpointBytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_ExampleAndEvaluation_ServedInlineWithTheirTypes()
    {
        EnsureRun();
        using var client = factory.CreateClient();

        using var png = await client.GetAsync("/runs/files-run/files/examples/0.png");
        using var json = await client.GetAsync("/runs/files-run/files/evaluation.json");

        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Null(png.Content.Headers.ContentDisposition);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/runs/files-run/files/..%2F..%2Fhw4.db")]
    [InlineData("/runs/files-run/files/..%2Foutside.txt")]
    [InlineData("/runs/files-run/files/%2E%2E/outside.txt")]
    [InlineData("/runs/files-run/files/%2Fetc%2Fpasswd")]
    [InlineData("/runs/files-run/files/checkpoints")]
    [InlineData("/runs/no-such-run/files/run.json")]
    public async Task Get_TraversalOrMissing_Returns404(string url)
    {
        EnsureRun();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
