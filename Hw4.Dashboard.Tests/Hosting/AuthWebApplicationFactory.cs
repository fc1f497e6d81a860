using System.Net;
using System.Text.RegularExpressions;
using Hw4.Dashboard.Features.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hw4.Dashboard.Tests.Hosting;

/// <summary>
/// The real app in-memory with an admin password configured, so an anonymous user is not admin (as on a server other
/// machines reach); runs and index in a temp folder. <see cref="SignInAsync"/> signs a client in through the real form.
/// </summary>
public class AuthWebApplicationFactory : WebApplicationFactory<Program>
{
    /// <summary>The admin password.</summary>
    public const string Password = "correct horse battery";

    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-auth-").FullName;
    private readonly string _hash = AdminPassword.Hash(Password);

    /// <summary>The app's artifacts folder.</summary>
    public string ArtifactsDir => Path.Combine(_dir, "runs");

    /// <summary>Sign-in attempts allowed per minute (high here, so tests sharing the fixture do not trip it).</summary>
    protected virtual int SignInAttempts => 1000;

    /// <summary>A client that keeps cookies and does not follow redirects (so tests see them).</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The antiforgery token of the sign-in page (its cookie stays in <paramref name="client"/>).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page = "/signin")
    {
        var html = await client.GetStringAsync(page);
        return Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    /// <summary>Posts the sign-in form with <paramref name="secret"/>; returns the response (a redirect).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string secret, string returnUrl = "/runs")
    {
        var token = await AntiforgeryTokenAsync(client);
        return await client.PostAsync(AccessEndpoints.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Secret"] = secret,
            ["ReturnUrl"] = returnUrl,
        }));
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Hw4:Database", Path.Combine(_dir, "hw4.db"));
        builder.UseSetting("Hw4:ArtifactsDir", ArtifactsDir);
        builder.UseSetting("Hw4:Device", "cpu");
        builder.UseSetting("Hw4:Auth:AdminPasswordHash", _hash);
        builder.UseSetting("Hw4:Auth:SignInAttempts", SignInAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>True when <paramref name="response"/> redirects to the sign-in page.</summary>
    public static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains(AccessEndpoints.SignInPage, StringComparison.Ordinal) == true;
}
