using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hw4.Dashboard.Tests.Hosting;

[Collection(HostingCollection.Name)]
public sealed partial class SecurityHeadersTests(Hw4WebApplicationFactory factory) : IClassFixture<Hw4WebApplicationFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/app.css")]
    [InlineData("/no-such-page")]
    public async Task Get_AnyResponse_SendsNosniffCspAndFrameAncestors(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Matches(NonceSource(), csp);
        Assert.DoesNotContain("'unsafe-eval'", csp);
        Assert.DoesNotMatch("script-src[^;]*'unsafe-inline'", csp);
        // same-origin, not no-referrer: under no-referrer Chromium sends "Origin: null" on form posts, which the
        // same-origin guard must refuse, so a real browser could not sign in. Share tokens still never leave the site.
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    // Against the built server as a child process, as users run it: the in-memory test host renders the page without
    // its import map on some builds (its static-asset lookup differs), which says nothing about the app.
    [Fact]
    public async Task Get_Home_InlineImportMapCarriesThisResponsesNonce()
    {
        var root = Directory.CreateTempSubdirectory("hw4-nonce-").FullName;
        await using var server = Recovery.ServerProcess.Start(root, Recovery.ServerProcess.FreePort(),
            "--Hw4:Device", "cpu", "--Hw4:ArtifactsDir", Path.Combine(root, "runs"), "--Hw4:Database", Path.Combine(root, "hw4.db"));
        await server.WaitUntilHealthyAsync();
        var client = server.Http;

        using var first = await client.GetAsync("/");
        using var second = await client.GetAsync("/");

        var html = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var nonce = NonceSource().Match(Assert.Single(first.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;
        // The nonce is base64url, so it appears in the markup unescaped: a standard-base64 '+' was written "&#x2B;".
        Assert.True(html.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", StringComparison.Ordinal),
            $"status {(int)first.StatusCode}; the page's head: {html[..Math.Min(html.Length, 2000)]}");
        // A nonce is per response: a fixed one would let injected markup reuse it.
        Assert.DoesNotContain(nonce, Assert.Single(second.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    [InlineData("Microsoft.EntityFrameworkCore.Database.Command")]
    public void Logging_RequestAndSqlCategories_OnlyFromWarning(string category)
    {
        var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [GeneratedRegex("script-src 'self' 'nonce-([A-Za-z0-9_-]{24})'")]
    private static partial Regex NonceSource();
}
