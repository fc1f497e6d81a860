using System.Net;
using System.Text;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Tests.Features.Runs;
using Hw4.Dashboard.Tests.Hosting;

namespace Hw4.Dashboard.Tests.Features.Access;

/// <summary>
/// With an admin password configured, anonymous requests change nothing; signing in with the right password (through
/// the real form and its antiforgery token) does, the wrong one does not.
/// </summary>
[Collection(HostingCollection.Name)]
public sealed class SignInTests(AuthWebApplicationFactory factory) : IClassFixture<AuthWebApplicationFactory>
{
    private const string RunA = "20261201-000000-cnn-aaaa";

    public static TheoryData<string, string> StateChanges => new()
    {
        { "POST", RunsApi.BasePath },
        { "POST", RunsApi.StatusPath(RunA) + "/stop" },
        { "POST", RunsApi.StatusPath(RunA) + "/resume" },
        { "DELETE", RunsApi.StatusPath(RunA) },
    };

    private void EnsureRun()
    {
        if (!Directory.Exists(Path.Combine(factory.ArtifactsDir, RunA)))
            new RunFolderBuilder(factory.ArtifactsDir).Finished(RunA, "cnn", [1.0, 0.9]);
    }

    [Theory]
    [MemberData(nameof(StateChanges))]
    public async Task StateChange_Anonymous_Refused401AndNothingChanges(string method, string path)
    {
        EnsureRun();
        using var client = factory.CreateBrowser();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal([RunA], Directory.EnumerateDirectories(factory.ArtifactsDir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Page_Anonymous_RedirectsToSignIn()
    {
        using var client = factory.CreateBrowser();

        using var runs = await client.GetAsync("/runs");
        using var train = await client.GetAsync("/train");

        Assert.True(AuthWebApplicationFactory.IsSignInRedirect(runs), $"{runs.StatusCode} {runs.Headers.Location}");
        Assert.True(AuthWebApplicationFactory.IsSignInRedirect(train), $"{train.StatusCode} {train.Headers.Location}");
    }

    [Fact]
    public async Task SignInPage_IsAPlainServerRenderedForm_NoCircuitThatWouldRenderItAgainAndEmptyATypedPassword()
    {
        using var anonymous = factory.CreateBrowser();
        using var admin = factory.CreateBrowser();
        await AuthWebApplicationFactory.SignInAsync(admin, AuthWebApplicationFactory.Password);

        var signIn = await anonymous.GetStringAsync("/signin");
        var runs = await admin.GetStringAsync("/runs");

        // Interactive server components are written with Blazor's markers; a page the circuit never takes over has none.
        Assert.Contains("data-testid=\"signin-form\"", signIn);
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", signIn);
        Assert.Contains("<!--Blazor:{\"type\":\"server\"", runs);
    }

    [Fact]
    public async Task SignIn_WrongPassword_RefusedWithNoSession()
    {
        EnsureRun();
        using var client = factory.CreateBrowser();

        using var signIn = await AuthWebApplicationFactory.SignInAsync(client, "not the password");
        using var delete = await client.DeleteAsync(RunsApi.StatusPath(RunA));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("failed=1", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        Assert.True(Directory.Exists(Path.Combine(factory.ArtifactsDir, RunA)));
        var page = await client.GetStringAsync(signIn.Headers.Location!.OriginalString);
        Assert.Contains("Wrong password.", page);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Refused400()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostAsync("/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["Secret"] = AuthWebApplicationFactory.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("Hw4.Auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_RightPassword_ThenStateChangeWorksAndSignOutEndsIt()
    {
        const string doomed = "20261201-000000-cnn-dddd";
        new RunFolderBuilder(factory.ArtifactsDir).Finished(doomed, "cnn", [1.0]);
        using var client = factory.CreateBrowser();

        using var signIn = await AuthWebApplicationFactory.SignInAsync(client, AuthWebApplicationFactory.Password, "/runs");
        using var runs = await client.GetAsync("/runs");
        using var delete = await client.DeleteAsync(RunsApi.StatusPath(doomed));

        Assert.Equal("/runs", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, runs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(factory.ArtifactsDir, doomed)));

        var token = await AuthWebApplicationFactory.AntiforgeryTokenAsync(client, "/signin");
        using var signOut = await client.PostAsync("/auth/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        using var after = await client.PostAsync(RunsApi.StatusPath(RunA) + "/stop", null);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task SignOut_ACopyOfTheCookieFromBefore_NoLongerSignsIn()
    {
        EnsureRun();
        using var plain = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var antiforgery = await plain.GetAsync("/signin");
        var antiforgeryCookie = string.Join("; ", antiforgery.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = System.Text.RegularExpressions.Regex.Match(await antiforgery.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/auth/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Secret"] = AuthWebApplicationFactory.Password, ["ReturnUrl"] = "/runs" }),
        };
        signIn.Headers.Add("Cookie", antiforgeryCookie);
        using var signedIn = await plain.SendAsync(signIn);
        // What someone copied from the browser (or a proxy log) while the admin was signed in.
        var stolen = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("Hw4.Auth=", StringComparison.Ordinal));
        // An admin call (the run is finished, so there is nothing to stop: 409, not 401).
        using (var before = await SendWithCookieAsync(plain, HttpMethod.Post, RunsApi.StatusPath(RunA) + "/stop", stolen, "{}"))
            Assert.Equal(HttpStatusCode.Conflict, before.StatusCode);

        using var browser = factory.CreateBrowser();
        await AuthWebApplicationFactory.SignInAsync(browser, AuthWebApplicationFactory.Password);
        var signOutToken = await AuthWebApplicationFactory.AntiforgeryTokenAsync(browser, "/signin");
        using var signOut = await browser.PostAsync("/auth/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = signOutToken }));
        using var after = await SendWithCookieAsync(plain, HttpMethod.Post, RunsApi.StatusPath(RunA) + "/stop", stolen, "{}");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private static Task<HttpResponseMessage> SendWithCookieAsync(HttpClient client, HttpMethod method, string path, string cookie, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        if (json is not null)
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return client.SendAsync(request);
    }

    [Theory]
    [InlineData("POST", RunsApi.BasePath, "application/x-www-form-urlencoded")]
    [InlineData("POST", RunsApi.BasePath, "text/plain")]
    [InlineData("POST", "/api/runs/20261201-000000-cnn-aaaa/stop", "application/x-www-form-urlencoded")]
    [InlineData("POST", "/api/runs/20261201-000000-cnn-aaaa/stop", "text/plain")]
    [InlineData("POST", "/api/runs/20261201-000000-cnn-aaaa/resume", "application/x-www-form-urlencoded")]
    [InlineData("POST", "/api/runs/20261201-000000-cnn-aaaa/resume", "text/plain")]
    [InlineData("DELETE", "/api/runs/20261201-000000-cnn-aaaa", "text/plain")]
    [InlineData("POST", "/auth/signin", "application/x-www-form-urlencoded")]
    [InlineData("POST", "/auth/signin", "text/plain")]
    [InlineData("POST", "/auth/signout", "application/x-www-form-urlencoded")]
    [InlineData("POST", "/_blazor/negotiate?negotiateVersion=1", "text/plain")]
    [InlineData("POST", "/hubs/runs/negotiate?negotiateVersion=1", "text/plain")]
    public async Task StateChange_ForeignOriginEvenWhenSignedIn_Refused403(string method, string path, string contentType)
    {
        EnsureRun();
        using var client = factory.CreateBrowser();
        await AuthWebApplicationFactory.SignInAsync(client, AuthWebApplicationFactory.Password);
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(contentType.StartsWith("application/x-www", StringComparison.Ordinal) ? "Secret=x" : "", Encoding.UTF8, contentType),
        };
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(Directory.Exists(Path.Combine(factory.ArtifactsDir, RunA)));
    }

    [Fact]
    public async Task Post_SignedInWithFormBody_Refused415()
    {
        using var client = factory.CreateBrowser();
        await AuthWebApplicationFactory.SignInAsync(client, AuthWebApplicationFactory.Password);

        using var response = await client.PostAsync(RunsApi.BasePath, new StringContent("epochs=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
