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
    [InlineData("page.html", "<script>alert(document.cookie)</script>")]
    [InlineData("image.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("script.js", "fetch('/api/runs', {method: 'POST'})")]
    [InlineData("page.xhtml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>")]
    [InlineData("no-extension", "<script>alert(1)</script>")]
    public async Task Get_TypeNotOnTheAllowList_DownloadedAsOctetStreamNeverShown(string name, string content)
    {
        EnsureRun();
        File.WriteAllText(Path.Combine(factory.ArtifactsDir, "files-run", name), content);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/runs/files-run/files/{name}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(content, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("table.csv")]
    [InlineData("metrics.jsonl")]
    public async Task Get_TextFiles_ShownInlineAsPlainText(string name)
    {
        EnsureRun();
        File.WriteAllText(Path.Combine(factory.ArtifactsDir, "files-run", name), "<b>not markup</b>");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/runs/files-run/files/{name}");

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
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
