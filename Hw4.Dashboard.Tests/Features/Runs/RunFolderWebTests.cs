using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Tests.Hosting;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Tests.Features.Runs;

/// <summary>
/// Damaged and unknown run folders through the real app: an unknown run page is 404, a damaged file is named relative
/// to the artifacts folder (never by its server path), and a damaged evaluation.json leaves the run its status.
/// </summary>
[Collection(HostingCollection.Name)]
public sealed class RunFolderWebTests(Hw4WebApplicationFactory factory) : IClassFixture<Hw4WebApplicationFactory>
{
    [Fact]
    public async Task RunPage_UnknownRun_Answers404WithTheNotFoundPage()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/runs/20261201-000000-cnn-none");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // The app's own not-found page, as for any address that names nothing.
        Assert.Contains("data-testid=\"not-found\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RunPage_ExistingRun_Answers200()
    {
        const string id = "20261201-000000-cnn-okok";
        new RunFolderBuilder(factory.ArtifactsDir).Finished(id, "cnn", [1.0]);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/runs/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Status_DamagedRunJson_MessageNamesTheFileRelativeToTheArtifactsFolder()
    {
        const string id = "20261201-000000-cnn-dama";
        var dir = new RunFolderBuilder(factory.ArtifactsDir).Finished(id, "cnn", [1.0]);
        File.WriteAllText(dir.RunJsonPath, "{ \"id\": ");
        using var client = factory.CreateClient();

        var status = await client.GetFromJsonAsync<JsonElement>(RunsApi.StatusPath(id));

        Assert.Equal("unreadable", status.GetProperty("status").GetString());
        Assert.StartsWith($"{id}/run.json: not valid JSON", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(factory.ArtifactsDir, status.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_DamagedEvaluation_CompletedRunWhoseEvaluationCannotBeRead()
    {
        const string id = "20261201-000000-cnn-eval";
        var dir = new RunFolderBuilder(factory.ArtifactsDir).Finished(id, "cnn", [1.0, 0.9], [[5, 1, 0], [2, 2, 0], [0, 0, 4]]);
        File.WriteAllText(dir.EvaluationPath, "{ \"accuracy\": ");
        using var client = factory.CreateClient();

        var status = await client.GetFromJsonAsync<JsonElement>(RunsApi.StatusPath(id));
        var page = await client.GetStringAsync($"/runs/{id}");

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal([1, 2], status.GetProperty("epochs").EnumerateArray().Select(e => e.GetInt32()));
        Assert.StartsWith($"{id}/evaluation.json: not valid JSON", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("The evaluation cannot be shown", page);
        Assert.DoesNotContain(RunSummary.Unreadable, page);
    }
}
