using Microsoft.Playwright;

namespace Hw4.E2E.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download cannot reach the internet here), headless, one
/// context per test. Fails with the install command where the browser is missing: the suite is part of
/// <c>dotnet test Hw4.sln</c>, and a silent skip would pass a machine that tests nothing.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    /// <summary>The system browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

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
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is not installed: apt-get install -y chromium (the browser tests drive it).");
        // Assertions wait (poll) up to 20 s instead of Playwright's 5: on a shared 2-core machine a Blazor round trip under
        // load (another suite training, a build) has taken longer than 5 s, and a passing check does not wait longer.
        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
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
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
