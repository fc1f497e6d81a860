using System.Net;
using System.Text;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Hosting;
using Hw4.Dashboard.Configuration;

namespace Hw4.Dashboard.Tests.Hosting;

/// <summary>A page on another site must not start, stop or resume runs, nor open the app's WebSockets.</summary>
[Collection(HostingCollection.Name)]
public sealed class SameOriginGuardTests(Hw4WebApplicationFactory factory) : IClassFixture<Hw4WebApplicationFactory>
{
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? origin, string? contentType = null, string body = "")
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(method, path);
        if (contentType is not null)
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("/api/runs", "application/x-www-form-urlencoded")]
    [InlineData("/api/runs", "text/plain")]
    [InlineData("/api/runs/20261201-000000-cnn-abcd/stop", "text/plain")]
    [InlineData("/api/runs/20261201-000000-cnn-abcd/resume", null)]
    public async Task Post_ForeignOrigin_Refused403AndNothingQueued(string path, string? contentType)
    {
        using var response = await SendAsync(HttpMethod.Post, path, "http://evil.example", contentType);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Cross-site request refused", await response.Content.ReadAsStringAsync());
        // Nothing was queued: no run folder was made.
        Assert.False(Directory.Exists(factory.ArtifactsDir) && Directory.EnumerateDirectories(factory.ArtifactsDir).Any());
    }

    [Fact]
    public async Task Post_CrossSiteFetchWithoutOrigin_Refused403()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, RunsApi.BasePath) { Content = new StringContent("", Encoding.UTF8, "text/plain") };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_SameOriginOrNoOrigin_ReachesTheApi()
    {
        using var same = await SendAsync(HttpMethod.Post, RunsApi.BasePath, "http://localhost", "application/json", """{"epochs": 0}""");
        using var script = await SendAsync(HttpMethod.Post, RunsApi.BasePath, null, "application/json", """{"epochs": 0}""");

        // Validation answers: the guard let them through.
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
    }

    [Theory]
    [InlineData(RunsHub.Path + "/negotiate?negotiateVersion=1")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    public async Task Negotiate_ForeignOrigin_Refused403(string path)
    {
        using var response = await SendAsync(HttpMethod.Post, path, "http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_ForeignHostHeaderOnLoopback_Refused()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = "attacker.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://127.0.0.1:0;http://[::1]:5081", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://lab.example.org:5080", false)]
    public void IsLoopbackOnly_Urls_OnlyLoopbackAddressesCount(string urls, bool expected) =>
        Assert.Equal(expected, DefaultUrls.IsLoopbackOnly(urls));
}
