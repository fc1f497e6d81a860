using Hw4.Testing;
using Microsoft.Playwright;

namespace Hw4.Dashboard.Tests.Integration;

/// <summary>
/// Debian's Chromium (<see cref="Prerequisite.ChromiumPath"/>) through Playwright, whose own browser download cannot
/// reach the internet here. A test that launches it is skipped where it is not installed.
/// </summary>
public static class SystemChromium
{
    /// <summary>
    /// Headless Chromium through <paramref name="playwright"/>, unsandboxed: Chromium refuses to start sandboxed as root,
    /// which tests are in containers and CI.
    /// </summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        Prerequisite.Chromium.Require();
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Prerequisite.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }
}
