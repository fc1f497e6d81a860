using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Features.Sharing;
using Microsoft.Extensions.DependencyInjection;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Tests.Features.Runs;
using Hw4.Dashboard.Tests.Hosting;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hw4.Dashboard.Tests.Features.Sharing;

/// <summary>
/// <c>/api/shares</c> against the real app with sign-in required, and the life of a link beside its run: deleting the
/// run revokes it, a new run under the same id is not shown to it, and a link months ahead still works on the hub.
/// </summary>
[Collection(HostingCollection.Name)]
public sealed class SharesApiTests(AuthWebApplicationFactory factory) : IClassFixture<AuthWebApplicationFactory>
{
    // The API's path, spelled out: these tests are also run against code that has no SharesApi yet.
    private const string BasePath = "/api/shares";
    private const string RunA = "20261202-000000-cnn-aaaa";
    private const string RunB = "20261202-000000-cnn-bbbb";

    private void EnsureRuns()
    {
        var runs = new RunFolderBuilder(factory.ArtifactsDir);
        if (!Directory.Exists(Path.Combine(factory.ArtifactsDir, RunA)))
            runs.Finished(RunA, "cnn", [1.0, 0.9]);
        if (!Directory.Exists(Path.Combine(factory.ArtifactsDir, RunB)))
            runs.Finished(RunB, "residual", [1.1]);
    }

    private async Task<HttpClient> AdminAsync()
    {
        var admin = factory.CreateBrowser();
        await AuthWebApplicationFactory.SignInAsync(admin, AuthWebApplicationFactory.Password);
        return admin;
    }

    private ShareStore Store => factory.Services.GetRequiredService<ShareStore>();

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json) =>
        client.PostAsync(BasePath, new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Post_Admin_Answers201WithIdUrlAndExpiry_AndTheUrlOpensTheRun()
    {
        EnsureRuns();
        using var admin = await AdminAsync();

        using var response = await PostAsync(admin, $"{{\"runs\":[\"{RunA}\"],\"hours\":24,\"checkpoints\":false}}");
        var made = await response.Content.ReadFromJsonAsync<JsonElement>();
        var url = new Uri(made.GetProperty("url").GetString()!);
        using var viewer = factory.CreateBrowser();
        using var opened = await viewer.GetAsync(url.PathAndQuery);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal([ "expiresUtc", "id", "url" ], made.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal($"{BasePath}/{made.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.StartsWith(ShareTokens.LinkPrefix, url.AbsolutePath, StringComparison.Ordinal);
        Assert.InRange(made.GetProperty("expiresUtc").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/runs/{RunA}", opened.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Post_TwoRuns_MakesAComparisonAndGetListsItWithoutAToken()
    {
        EnsureRuns();
        using var admin = await AdminAsync();

        using var response = await PostAsync(admin, $"{{\"runs\":[\"{RunA}\",\"{RunB}\"]}}");
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var list = await admin.GetStringAsync(BasePath);
        var listed = JsonDocument.Parse(list).RootElement.EnumerateArray().Single(l => l.GetProperty("id").GetString() == id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("compare", listed.GetProperty("kind").GetString());
        Assert.Equal([RunA, RunB], listed.GetProperty("runs").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain("token", list, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Delete_RevokesTheLink_ThenItAnswers404AndSoDoesASecondDelete()
    {
        EnsureRuns();
        using var admin = await AdminAsync();
        using var made = await PostAsync(admin, $"{{\"runs\":[\"{RunA}\"],\"hours\":1}}");
        var body = await made.Content.ReadFromJsonAsync<JsonElement>();

        using var revoked = await admin.DeleteAsync($"{BasePath}/{body.GetProperty("id").GetString()}");
        using var again = await admin.DeleteAsync($"{BasePath}/{body.GetProperty("id").GetString()}");
        using var opened = await factory.CreateBrowser().GetAsync(new Uri(body.GetProperty("url").GetString()!).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
    }

    [Theory]
    [InlineData("{\"runs\":[\"20261202-000000-cnn-zzzz\"],\"hours\":24}", HttpStatusCode.NotFound, "No run '20261202-000000-cnn-zzzz'.")]
    [InlineData("{\"runs\":[\"../etc\"]}", HttpStatusCode.BadRequest, "valid run ids")]
    [InlineData("{\"runs\":[]}", HttpStatusCode.BadRequest, "runs:")]
    [InlineData("{\"runs\":[\"20261202-000000-cnn-aaaa\"],\"hours\":0}", HttpStatusCode.BadRequest, "hours: between 1 and 87600")]
    [InlineData("{\"runs\":[\"20261202-000000-cnn-aaaa\"],\"hours\":9999999}", HttpStatusCode.BadRequest, "hours: between 1 and 87600")]
    [InlineData("{\"runs\":[\"20261202-000000-cnn-aaaa\"],\"token\":\"mine\"}", HttpStatusCode.BadRequest, "not valid at 'token'")]
    [InlineData("{\"runs\":[\"20261202-000000-cnn-aaaa\"],\"kind\":\"everything\"}", HttpStatusCode.BadRequest, "kind: run, compare or report")]
    [InlineData("{\"runs\":\"20261202-000000-cnn-aaaa\"}", HttpStatusCode.BadRequest, "not valid at 'runs'")]
    public async Task Post_BadRequest_4xxNamingTheField(string json, HttpStatusCode expected, string detail)
    {
        EnsureRuns();
        using var admin = await AdminAsync();

        using var response = await PostAsync(admin, json);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_NotAdmin_401AnonymousAnd403Viewer()
    {
        EnsureRuns();
        using var admin = await AdminAsync();
        using var made = await PostAsync(admin, $"{{\"runs\":[\"{RunA}\"]}}");
        using var viewer = factory.CreateBrowser();
        await viewer.GetAsync(new Uri((await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!).PathAndQuery);
        using var anonymous = factory.CreateBrowser();

        foreach (var client in new[] { anonymous, viewer })
        {
            var expected = client == anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            using var post = await PostAsync(client, $"{{\"runs\":[\"{RunA}\"]}}");
            using var get = await client.GetAsync(BasePath);
            using var delete = await client.DeleteAsync($"{BasePath}/x");
            Assert.Equal([expected, expected, expected], new[] { post.StatusCode, get.StatusCode, delete.StatusCode });
        }
    }

    [Fact]
    public async Task DeleteRun_RevokesItsLinks_AndANewRunOfTheSameIdIsNotShownToThem()
    {
        const string doomed = "20261202-000000-cnn-dddd";
        new RunFolderBuilder(factory.ArtifactsDir).Finished(doomed, "cnn", [1.0], created: new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        using var admin = await AdminAsync();
        var url = Store.Create(ShareKind.Run, [doomed], false, null).Path;
        using var viewer = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await viewer.GetAsync(url)).StatusCode);

        using var deleted = await admin.DeleteAsync(RunsApi.StatusPath(doomed));
        // Someone restores or copies another run under the same id.
        new RunFolderBuilder(factory.ArtifactsDir).Finished(doomed, "cnn", [2.0], created: new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));
        using var link = await factory.CreateBrowser().GetAsync(url);
        using var page = await viewer.GetAsync($"/runs/{doomed}");
        using var status = await viewer.GetAsync(RunsApi.StatusPath(doomed));

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Contains("share link(s) were revoked", await deleted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public async Task Link_RunFolderReplacedByAnotherRunOfTheSameId_NoLongerShowsIt()
    {
        const string replaced = "20261202-000000-cnn-rrrr";
        new RunFolderBuilder(factory.ArtifactsDir).Finished(replaced, "cnn", [1.0], created: new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        var url = Store.Create(ShareKind.Run, [replaced], false, null).Path;

        // Not through the app: the folder removed and another run written under its name (a restore, a copy).
        Directory.Delete(Path.Combine(factory.ArtifactsDir, replaced), recursive: true);
        new RunFolderBuilder(factory.ArtifactsDir).Finished(replaced, "cnn", [2.0], created: new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));
        using var link = await factory.CreateBrowser().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
    }

    [Fact]
    public async Task Link_SixtyDaysAhead_ItsViewerFollowsTheRunOnTheHub()
    {
        EnsureRuns();
        var url = Store.Create(ShareKind.Run, [RunA], false, TimeSpan.FromDays(60)).Path;
        using var plain = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var opened = await plain.GetAsync(url);
        var cookie = string.Join("; ", opened.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, RunsHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.Headers["Cookie"] = cookie;
            })
            .Build();

        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", RunA, (long?)null);

        Assert.Equal(HubConnectionState.Connected, hub.State);
    }
}
