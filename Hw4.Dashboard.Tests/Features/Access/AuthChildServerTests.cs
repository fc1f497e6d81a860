using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Tests.Features.Runs;
using Hw4.Dashboard.Tests.Hosting;
using Hw4.Dashboard.Tests.Recovery;

namespace Hw4.Dashboard.Tests.Features.Access;

/// <summary>
/// The built server as a child process with sign-in required: on 127.0.0.1 by configuration, and on 0.0.0.0 by its
/// address alone. The console prints a sign-in token; anonymous state changes are refused; the token signs in.
/// </summary>
[Collection(HostingCollection.Name)]
[Trait("Category", "System")]
public sealed class AuthChildServerTests : IDisposable
{
    private const string RunA = "20261201-000000-cnn-aaaa";
    private readonly string _root = Directory.CreateTempSubdirectory("hw4-authchild-").FullName;

    private string ArtifactsDir => Path.Combine(_root, "runs");

    private string[] Settings(params string[] more) =>
    [
        "--Hw4:Device", "cpu", "--Hw4:DataDir", _root, "--Hw4:ArtifactsDir", ArtifactsDir, "--Hw4:Database", Path.Combine(_root, "hw4.db"), .. more,
    ];

    private static HttpClient Browser(int port) => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static string PrintedToken(ServerProcess server)
    {
        var match = Regex.Match(server.Output, @"/signin\?token=([A-Za-z0-9_-]+)");
        Assert.True(match.Success, server.Output);
        return match.Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string secret)
    {
        var html = await browser.GetStringAsync("/signin");
        var antiforgery = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await browser.PostAsync("/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery, ["Secret"] = secret, ["ReturnUrl"] = "/runs",
        }));
    }

    [Fact]
    public async Task Loopback_AuthRequiredByConfig_AnonymousRefused_PrintedTokenSignsIn()
    {
        new RunFolderBuilder(ArtifactsDir).Finished(RunA, "cnn", [1.0]);
        var port = ServerProcess.FreePort();
        await using var server = ServerProcess.Start(_root, port, Settings("--Hw4:Auth:Required", "true"));
        await server.WaitUntilHealthyAsync();
        var token = PrintedToken(server);
        using var browser = Browser(port);

        using var start = await browser.PostAsJsonAsync(RunsApi.BasePath, new { epochs = 1 });
        using var deleteAnonymous = await browser.DeleteAsync(RunsApi.StatusPath(RunA));
        using var wrong = await SignInAsync(browser, token + "x");
        using var deleteAfterWrong = await browser.DeleteAsync(RunsApi.StatusPath(RunA));
        Assert.Equal(HttpStatusCode.Unauthorized, start.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, deleteAnonymous.StatusCode);
        Assert.Contains("failed=1", wrong.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, deleteAfterWrong.StatusCode);
        Assert.True(Directory.Exists(Path.Combine(ArtifactsDir, RunA)));

        using var right = await SignInAsync(browser, token);
        using var delete = await browser.DeleteAsync(RunsApi.StatusPath(RunA));

        Assert.Equal("/runs", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(ArtifactsDir, RunA)));
        Assert.DoesNotContain(token, server.Output.Replace($"?token={token}", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllInterfaces_NoPassword_TokenModeAndForeignHostRefused()
    {
        var port = ServerProcess.FreePort();
        await using var server = ServerProcess.Start(_root, port, Settings("--urls", $"http://0.0.0.0:{port}"));
        await server.WaitUntilHealthyAsync();
        PrintedToken(server);
        using var browser = Browser(port);

        using var stop = await browser.PostAsync(RunsApi.StatusPath(RunA) + "/stop", null);
        using var page = await browser.GetAsync("/runs");
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        foreign.Headers.Host = "attacker.example";
        using var rebound = await browser.SendAsync(foreign);

        Assert.Equal(HttpStatusCode.Unauthorized, stop.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/signin", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, rebound.StatusCode);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
