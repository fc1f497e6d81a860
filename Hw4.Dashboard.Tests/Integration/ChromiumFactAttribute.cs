namespace Hw4.Dashboard.Tests.Integration;

/// <summary>
/// A fact that needs Debian's Chromium at <see cref="ExecutablePath"/> (Playwright's own browser download cannot reach
/// the internet here); skipped, with the reason, where it is not installed.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>The system browser the tests drive.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Headless <see cref="ExecutablePath"/> through <paramref name="playwright"/>, unsandboxed: Chromium refuses to start
    /// sandboxed as root, which tests are in containers and CI.
    /// </summary>
    public static Task<Microsoft.Playwright.IBrowser> LaunchAsync(Microsoft.Playwright.IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new Microsoft.Playwright.BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>Skips the test when no Chromium is installed.</summary>
    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
            Skip = $"{ExecutablePath} is not installed (apt-get install -y chromium).";
    }
}
