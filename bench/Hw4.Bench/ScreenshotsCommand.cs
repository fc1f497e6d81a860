using Hw4.Ml.Runs;
using Microsoft.Playwright;

namespace Hw4.Bench;

/// <summary>
/// <c>screenshots --url U --out DIR [--artifacts-dir D | --run ID --compare A,B]</c>: a full-page PNG of every dashboard page
/// from a running app, in headless system Chromium. Each page is shown only once the Blazor circuit is up and every
/// Plotly chart has drawn (a plain <c>chromium --screenshot</c> captures the prerendered HTML, with empty charts).
/// Without <c>--run</c>/<c>--compare</c> the newest run folders under <c>--artifacts-dir</c> are used.
/// </summary>
internal static class ScreenshotsCommand
{
    public static int Run(string[] rawArgs) => BenchArgs.Run(rawArgs, RunAsync);

    private static async Task<int> RunAsync(BenchArgs args)
    {
        var url = (args.Get("--url") ?? throw new ArgumentException("--url is required (the running dashboard).")).TrimEnd('/');
        var outDir = args.Get("--out") ?? "docs/screenshots";
        var newest = args.Get("--artifacts-dir") is { } artifactsDir
            ? RunDirectory.Enumerate(artifactsDir).Select(Path.GetFileName).OfType<string>().OrderDescending(StringComparer.Ordinal).ToList()
            : [];
        var run = args.Get("--run") ?? newest.FirstOrDefault();
        var compare = args.Get("--compare") ?? (newest.Count >= 2 ? $"{newest[1]},{newest[0]}" : null);

        // Whether a page draws charts once its circuit is up: those are waited for (prerendered HTML has none yet).
        var pages = new List<(string Name, string Path, bool Charts)>
        {
            ("home", "/", false), ("autograd", "/autograd", true), ("denoise", "/denoise", true), ("train", "/train", false), ("runs", "/runs", false),
        };
        if (run is not null)
            pages.Add(("run", $"/runs/{Uri.EscapeDataString(run)}", true));
        else
            Console.Error.WriteLine("no run given or found: skipping the run page");
        if (compare is not null)
            pages.Add(("compare", $"/compare?runs={Uri.EscapeDataString(compare)}", true));
        else
            Console.Error.WriteLine("fewer than two runs: skipping the compare page");

        Directory.CreateDirectory(outDir);
        var (playwright, browser) = await SystemChromium.LaunchAsync(args.Get("--chromium"));
        using (playwright)
        await using (browser)
        {
            foreach (var (name, path, expectCharts) in pages)
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
                var page = await context.NewPageAsync();
                await page.GotoAsync(url + path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 60_000 });
                // Interactive server rendering: the circuit is up once blazor.web.js has started and opened its connection.
                await page.WaitForFunctionAsync("() => window.Blazor !== undefined", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
                if (expectCharts)
                {
                    try
                    {
                        await page.WaitForFunctionAsync("() => document.querySelectorAll('.js-plotly-plot').length > 0", null, new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 100 });
                    }
                    catch (TimeoutException)
                    {
                        Console.Error.WriteLine($"{path}: no chart appeared in 30 s");
                    }
                }

                await page.WaitForFunctionAsync(SystemChromium.AllChartsDrawnScript, null, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 100 });
                if (name == "compare" && compare is not null && await CountChartsAsync(page) == 0)
                    await PickInSelectAsync(page, compare.Split(','));
                // Let transitions and a first live update settle so the picture is what a user sees.
                await page.WaitForTimeoutAsync(1000);
                var file = Path.Combine(outDir, $"{name}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                var charts = await CountChartsAsync(page);
                Console.WriteLine($"{file}: {path} ({charts} charts)");
            }
        }

        return 0;
    }

    private static Task<int> CountChartsAsync(IPage page) => page.EvaluateAsync<int>("() => document.querySelectorAll('.js-plotly-plot').length");

    /// <summary>
    /// A Compare page that ignores <c>?runs=</c> (older builds): pick the runs in its multi-select as a user would, then
    /// wait for the charts again.
    /// </summary>
    private static async Task PickInSelectAsync(IPage page, IEnumerable<string> ids)
    {
        var select = page.Locator(".mud-select").First;
        if (await select.CountAsync() == 0)
            return;
        await select.ClickAsync();
        foreach (var id in ids)
            await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = id }).First.ClickAsync(new LocatorClickOptions { Timeout = 15_000 });
        // Close the list the way a user does (a second click on the select toggles it); should it stay open, hide it
        // so the picture shows the page and not the drop-down.
        await select.ClickAsync();
        try
        {
            await page.WaitForFunctionAsync("() => !document.querySelector('.mud-popover-open .mud-list-item')", null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = ".mud-popover-open { display: none !important; }" });
        }

        await page.WaitForFunctionAsync("() => document.querySelectorAll('.js-plotly-plot').length > 0", null, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 100 });
        await page.WaitForFunctionAsync(SystemChromium.AllChartsDrawnScript, null, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 100 });
    }
}
