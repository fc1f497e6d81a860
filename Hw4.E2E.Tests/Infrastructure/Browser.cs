using Hw4.Testing;
using Microsoft.Playwright;

namespace Hw4.E2E.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (<see cref="Prerequisite.ChromiumPath"/>) driven by Playwright (its own browser download cannot
/// reach the internet here), headless, one context per test. Where the browser is missing the tests that launch it are
/// skipped, naming the package (and fail under <c>.ci/run</c>, which installs it).
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Launches it.</summary>
    public static async Task<Browser> LaunchAsync()
    {
        Prerequisite.Chromium.Require();
        // Assertions wait (poll) up to 60 s instead of Playwright's 5, and actions up to 120 s: on a shared 2-core machine a
        // Blazor round trip has taken over 20 s under a load average near 100, and a passing check does not wait longer.
        Assertions.SetDefaultExpectTimeout(60_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Prerequisite.ChromiumPath,
            Headless = true,
            // Root in containers and CI: Chromium refuses to start sandboxed as root.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A new page (its own context) of <paramref name="width"/>×<paramref name="height"/> CSS pixels.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(120_000);
        return await context.NewPageAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
