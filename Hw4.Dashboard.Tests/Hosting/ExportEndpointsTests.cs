using System.Net;
using System.Text.Json;
using Hw4.Dashboard.Features.Export;
using Hw4.Dashboard.Tests.Features.Runs;

namespace Hw4.Dashboard.Tests.Hosting;

/// <summary>GET /api/runs/{id}/export and /api/compare/export against the real app.</summary>
[Collection(HostingCollection.Name)]
public sealed class ExportEndpointsTests(Hw4WebApplicationFactory factory) : IClassFixture<Hw4WebApplicationFactory>
{
    private void EnsureRuns()
    {
        var builder = new RunFolderBuilder(factory.ArtifactsDir);
        if (!Directory.Exists(Path.Combine(factory.ArtifactsDir, "export-a")))
            builder.Finished("export-a", "cnn", [1.0, 0.9], [[5, 1, 0], [2, 2, 0], [0, 0, 4]]);
        if (!Directory.Exists(Path.Combine(factory.ArtifactsDir, "export-b")))
            builder.Finished("export-b", "residual", [1.1, 0.8], [[6, 0, 0], [1, 3, 0], [0, 0, 4]]);
    }

    [Fact]
    public async Task Get_RunJson_DownloadsTheRunDocument()
    {
        EnsureRuns();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/runs/export-a/export?format=json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("export-a.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var run = RunJsonExport.Deserialize(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal([1.0, 0.9], run.Epochs.Select(e => e.ValLoss));
    }

    [Fact]
    public async Task Get_CompareHtml_IsAnAttachmentHoldingBothRuns()
    {
        EnsureRuns();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/compare/export?runs=export-a,export-b&format=html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Hw4 comparison of export-a, export-b", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/runs/no-such-run/export?format=json", HttpStatusCode.NotFound)]
    [InlineData("/api/runs/export-a/export?format=pt&epoch=9", HttpStatusCode.NotFound)]
    [InlineData("/api/runs/export-a/export?format=xml", HttpStatusCode.BadRequest)]
    [InlineData("/api/runs/export-a/export?format=csv&table=losses", HttpStatusCode.BadRequest)]
    [InlineData("/api/compare/export?runs=export-a&format=html", HttpStatusCode.BadRequest)]
    [InlineData("/api/compare/export?runs=export-a,no-such-run&format=html", HttpStatusCode.NotFound)]
    public async Task Get_BadOrMissing_AnswersWithTheReason(string url, HttpStatusCode expected)
    {
        EnsureRuns();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        // The reason names the run or option, never a server path.
        Assert.DoesNotContain(factory.ArtifactsDir, detail, StringComparison.Ordinal);
    }
}
