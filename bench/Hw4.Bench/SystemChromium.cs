using Microsoft.Playwright;

namespace Hw4.Bench;

/// <summary>
/// Headless Chromium through Playwright, always the system browser (Debian's <c>chromium</c> package): Playwright's own
/// browser download cannot reach the internet here, and the benchmark must never fetch one.
/// </summary>
internal static class SystemChromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Charts drawn: the Plotly figure titled <c>title</c> has at least one line path.</summary>
    public static string ChartDrawnScript(string title) =>
        $$"""
        () => [...document.querySelectorAll('.js-plotly-plot')].some(p =>
            [...p.querySelectorAll('.gtitle')].some(t => t.textContent.includes('{{title}}')) &&
            p.querySelectorAll('.scatterlayer .trace path.js-line').length > 0)
        """;

    /// <summary>
    /// The chart titled <c>title</c> is on screen: drawn on the server (a ChartSketchView with a non-empty path, shown
    /// with the page's HTML) or by Plotly (<see cref="ChartDrawnScript"/>).
    /// </summary>
    public static string ChartShownScript(string title) =>
        $$"""
        () => [...document.querySelectorAll('[data-testid=chart-sketch]')].some(f =>
            f.querySelector('.chart-sketch-title')?.textContent.includes('{{title}}') &&
            [...f.querySelectorAll('svg path')].some(p => (p.getAttribute('d') || '').length > 0) &&
            f.getBoundingClientRect().width > 0)
          || ({{ChartDrawnScript(title)}})()
        """;

    /// <summary>
    /// The circuit is up and has rendered the page: the controls that run on the server (buttons, sliders, switches)
    /// answer. MainLayout renders <c>data-testid=interactive</c> in the circuit only.
    /// </summary>
    public const string CircuitUpScript = "() => !!document.querySelector('[data-testid=interactive]')";

    /// <summary>Every Plotly figure on the page has drawn its plot area (or there is none).</summary>
    public const string AllChartsDrawnScript =
        "() => [...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg .cartesianlayer, .main-svg .heatmaplayer, .main-svg .barlayer'))";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(string? executablePath)
    {
        var path = executablePath ?? DefaultPath;
        if (!File.Exists(path))
            throw new ArgumentException($"{path}: no Chromium there; install Debian's package (apt-get install -y chromium) or pass --chromium PATH.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            // Root in containers and CI: Chromium refuses to start sandboxed as root.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        return (playwright, browser);
    }
}
