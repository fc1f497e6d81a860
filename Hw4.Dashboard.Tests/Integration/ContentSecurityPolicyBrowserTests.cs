using Hw4.Dashboard.Hosting;
using Hw4.Dashboard.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Hw4.Dashboard.Tests.Integration;

/// <summary>
/// The real app on Kestrel in headless Chromium: under the Content-Security-Policy the Blazor circuit starts and Plotly
/// draws, and the policy does bite (an injected inline script is blocked and reported).
/// </summary>
[Collection(HostingCollection.Name)]
[Trait("Category", "System")]
public sealed class ContentSecurityPolicyBrowserTests
{
    private const string CollectViolations =
        "document.addEventListener('securitypolicyviolation', e => (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI))";

    [Fact]
    public async Task Autograd_UnderTheCsp_CircuitRunsAndPlotlyDrawsWithNoViolation()
    {
        var dir = Directory.CreateTempSubdirectory("hw4-csp-").FullName;
        var app = WebHost.Build([
            "--urls", "http://127.0.0.1:0", "--Hw4:Device", "cpu",
            "--Hw4:ArtifactsDir", Path.Combine(dir, "runs"), "--Hw4:Database", Path.Combine(dir, "hw4.db"),
            "--Logging:LogLevel:Default", "Warning",
        ]);
        try
        {
            await app.StartAsync();
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await SystemChromium.LaunchAsync(playwright);
            var page = await browser.NewPageAsync();
            var consoleErrors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                    consoleErrors.Add(message.Text);
            };
            await page.AddInitScriptAsync(CollectViolations);

            await page.GotoAsync(app.Urls.First() + "/autograd", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 60_000 });
            await page.WaitForFunctionAsync("() => window.Blazor !== undefined", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Compute" }).ClickAsync();
            await page.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.querySelectorAll('.scatterlayer .trace path.js-line').length > 0).length >= 2",
                null, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 100 });

            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__csp || []"));
            Assert.Empty(consoleErrors);

            // The control: markup injected into the page cannot run script.
            await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__injected = 1'; document.body.appendChild(s); }");
            await page.WaitForFunctionAsync("() => (window.__csp || []).length > 0", null, new PageWaitForFunctionOptions { Timeout = 5_000 });
            Assert.False(await page.EvaluateAsync<bool>("() => window.__injected === 1"));
            Assert.StartsWith("script-src-elem inline", Assert.Single(await page.EvaluateAsync<string[]>("() => window.__csp")));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
