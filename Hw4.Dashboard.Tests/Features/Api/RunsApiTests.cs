using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Tests.Hosting;

namespace Hw4.Dashboard.Tests.Features.Api;

/// <summary>The API's refusals (nothing here reaches the queue); accepted runs are covered by the integration tests.</summary>
[Collection(HostingCollection.Name)]
public sealed class RunsApiTests(Hw4WebApplicationFactory factory) : IClassFixture<Hw4WebApplicationFactory>
{
    private async Task<(HttpStatusCode Status, JsonElement Problem)> PostAsync(string json)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(RunsApi.BasePath, new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body);
    }

    [Theory]
    [InlineData("""{"lr": -0.1}""", "lr", "Learning rate must be positive")]
    [InlineData("""{"epochs": 0}""", "epochs", "Epochs must be between 1 and 1000")]
    [InlineData("""{"batchSize": 0}""", "batchSize", "Batch size must be between")]
    [InlineData("""{"limit": 0}""", "limit", "Limit must be between")]
    [InlineData("""{"valSize": 0}""", "valSize", "Validation size must be between")]
    [InlineData("""{"model": "vgg"}""", "model", "Model must be cnn or residual")]
    public async Task Post_InvalidField_Returns400ProblemNamingTheField(string json, string field, string message)
    {
        var (status, problem) = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(message, Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString());
        Assert.Contains(message, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_FieldOfWrongType_Returns400NamingTheField()
    {
        var (status, problem) = await PostAsync("""{"epochs": "ten"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("epochs", out _));
    }

    [Fact]
    public async Task Post_TwoInvalidFields_ReportsBoth()
    {
        var (status, problem) = await PostAsync("""{"lr": 0, "epochs": 0}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["epochs", "lr"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Get_UnknownRun_Returns404()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(RunsApi.StatusPath("no-such-run"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-run", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostStop_UnknownRun_Returns404()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(RunsApi.StatusPath("no-such-run") + "/stop", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownField_Returns400WithoutEchoingTheValue()
    {
        var (status, problem) = await PostAsync("""{"epochs": 1, "data": "/etc/passwd-and-more"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("data: unknown field.", Assert.Single(problem.GetProperty("errors").GetProperty("data").EnumerateArray()).GetString());
        Assert.DoesNotContain("passwd", problem.GetRawText());
    }

    [Fact]
    public async Task PostResume_UnknownRun_Returns404()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(RunsApi.StatusPath("no-such-run") + "/resume", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostResumeAndStop_CompletedRun_Return409WithTheReason()
    {
        var runs = new Hw4.Dashboard.Tests.Features.Runs.RunFolderBuilder(factory.ArtifactsDir);
        var id = $"20261201-120000-cnn-{Random.Shared.Next(0x1000, 0xffff):x4}";
        runs.Finished(id, "cnn", [1.5]);
        using var client = factory.CreateClient();

        using var resume = await client.PostAsync(RunsApi.StatusPath(id) + "/resume", null);
        using var stop = await client.PostAsync(RunsApi.StatusPath(id) + "/stop", null);

        Assert.Equal(HttpStatusCode.Conflict, resume.StatusCode);
        Assert.Contains("is completed; it cannot become queued", await resume.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, stop.StatusCode);
        Assert.Contains("is already completed", await stop.Content.ReadAsStringAsync());
        var status = await client.GetFromJsonAsync<RunStatusResponse>(RunsApi.StatusPath(id));
        Assert.Equal("completed", status!.Status);
        Assert.Equal([1], status.Epochs);
    }

    [Fact]
    public async Task Get_RunTrainedOnAWorker_StatusNamesItsHost()
    {
        var runs = new Hw4.Dashboard.Tests.Features.Runs.RunFolderBuilder(factory.ArtifactsDir);
        var trained = $"20261201-130000-cnn-{Random.Shared.Next(0x1000, 0xffff):x4}";
        var waiting = $"20261201-140000-cnn-{Random.Shared.Next(0x1000, 0xffff):x4}";
        runs.Finished(trained, "cnn", [1.5], host: "gpu-worker-1");
        runs.Queued(waiting);
        using var client = factory.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>(RunsApi.StatusPath(trained));
        var queued = await client.GetFromJsonAsync<JsonElement>(RunsApi.StatusPath(waiting));

        Assert.Equal("gpu-worker-1", body.GetProperty("host").GetString());
        Assert.Equal(JsonValueKind.Null, queued.GetProperty("host").ValueKind);
    }

    [Fact]
    public async Task Get_DenoiseRunStoppedAtStep3Of5_ProgressIsItsStepsAsOnItsPage()
    {
        var options = new Hw4.Ml.Denoising.DenoiseOptions(Hw4.Ml.Denoising.DenoiseNorm.L1, Hw4.Ml.Denoising.DenoiseOptimizer.Gd, 0.3, 0.8, 5);
        var dir = Hw4.Ml.Recipes.DenoiseRecipe.Queue(factory.ArtifactsDir, new Hw4.Ml.Runs.DenoiseRunConfig { Options = options, Source = "tiny.png" },
            new Hw4.Ml.Imaging.RgbImage(4, 4, new byte[48]), null, TimeProvider.System);
        dir.Transition(Hw4.Ml.Lifecycle.RunStatus.Running);
        dir.AppendMetric(new Hw4.Ml.Lifecycle.Events.DenoiseProgress(dir.Id, 3, 5, 1.0, null));
        dir.Transition(Hw4.Ml.Lifecycle.RunStatus.Stopped, r => r with { Message = "stopped at step 3" });
        using var client = factory.CreateClient();

        var status = await client.GetFromJsonAsync<RunStatusResponse>(RunsApi.StatusPath(dir.Id));

        // The folder's one fold of its events: a denoising run plans steps, not epochs (this said 0 before).
        Assert.Equal(("stopped", 0.6), (status!.Status, status.Progress));
    }
}
