using Deque.AxeCore.Playwright;
using Hw4.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hw4.E2E.Tests.Journeys;

/// <summary>
/// Every page of a server holding two finished runs, checked as a person (or a screen reader) meets it: axe finds no
/// serious or critical violation, the page has one h1 inside a main landmark, and at phone width the body does not
/// scroll sideways and no chart is squeezed below 250 px.
/// </summary>
[Trait("Category", "System")]
public sealed class PageTests(LabFixture lab, ITestOutputHelper output) : IClassFixture<LabFixture>
{
    /// <summary>Each page, with <c>{cnn}</c> and <c>{residual}</c> for the fixture's runs.</summary>
    public static TheoryData<string> Pages { get; } = new()
    {
        "/", "/autograd", "/denoise", "/train", "/runs", "/runs/{cnn}", "/compare?runs={cnn},{residual}", "/report", "/shares", "/no-such-page",
    };

    private string Resolve(string path) => path.Replace("{cnn}", lab.CnnRun, StringComparison.Ordinal).Replace("{residual}", lab.ResidualRun, StringComparison.Ordinal);

    private async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var page = await lab.Browser.NewPageAsync(width, height);
        await page.OpenAsync(lab.Server, Resolve(path));
        // Charts draw after the circuit is up; a page is judged once its charts are on screen.
        await page.WaitForChartsAsync();
        return page;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Axe_NoSeriousOrCriticalViolations(string path)
    {
        // Light, then dark on the same page: the toggle is what a person uses, and one load serves both checks.
        var page = await OpenAsync(path);
        foreach (var dark in new[] { false, true })
        {
            if (dark)
                await page.SwitchThemeAsync(dark: true);
            var result = await page.RunAxe();
            var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            foreach (var violation in result.Violations)
                output.WriteLine($"{(dark ? "dark" : "light")} {violation.Impact} {violation.Id}: {string.Join(" | ", violation.Nodes.Take(5).Select(n => n.Html))}");
            Assert.True(bad.Count == 0, $"{path} ({(dark ? "dark" : "light")}): " + string.Join("\n", bad.Select(v =>
                $"{v.Impact} {v.Id} ({v.Nodes.Count()} nodes): {string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Html} [{string.Join("; ", n.Any.Select(a => a.Message))}]"))}")));
        }

        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Landmarks_OneH1InsideMainAndASkipLinkThatMovesFocusThere(string path)
    {
        var page = await OpenAsync(path);

        await Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await Expect(page.Locator("main h1")).ToHaveCountAsync(1);
        // The skip link is the first thing Tab reaches, shows itself when focused, and moves focus into main.
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        Assert.True(await page.EvaluateAsync<bool>(
            "() => document.querySelector('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex=\"-1\"])')?.classList.contains('skip-link') === true"),
            "the skip link is not the first focusable element");
        await skip.FocusAsync();
        await Expect(skip).ToBeInViewportAsync();
        await skip.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AtPhoneWidth_NoSidewaysScrollAndNoChartNarrowerThan250Px(string path)
    {
        var page = await OpenAsync(path, 390, 844);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow} px at 390 px");
        var widths = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.js-plotly-plot .main-svg')].filter(s => s.parentElement.classList.contains('svg-container')).map(s => s.getBoundingClientRect().width)");
        Assert.All(widths, w => Assert.True(w >= 250, $"{path}: a chart is {w:0} px wide at 390 px"));
        // The plot area itself, not only the SVG around it: long legends squeeze it.
        var plotWidths = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.js-plotly-plot')].map(p => p._fullLayout ? p._fullLayout._size.w : 999)");
        Assert.All(plotWidths, w => Assert.True(w >= 150, $"{path}: a plot area is {w:0} px wide at 390 px"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnknownAddress_Answers404WithAPageThatLinksHome()
    {
        var page = await lab.Browser.NewPageAsync();
        var response = await page.GotoAsync(lab.Server.Url + "/no-such-page");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hw4 Lab");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RunPage_FinishedRun_SaysEachThingOnceAndSpellsCnn()
    {
        var page = await OpenAsync($"/runs/{lab.CnnRun}");

        await Expect(page.GetByText("Notes and tags", new() { Exact = true })).ToHaveCountAsync(1);
        await Expect(page.GetByText("2/2 epochs")).ToHaveCountAsync(1);
        await Expect(page.Locator("main")).ToContainTextAsync("CNN");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Cnn");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RunPage_FinishedRun_BatchCurveDrawnInTheServersHtml_ThenThePlotlyChartTakesItsPlace()
    {
        // What the server sends, before any circuit or chart script: the curve is already an SVG path.
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            var html = await http.GetStringAsync($"{lab.Server.Url}/runs/{lab.CnnRun}");
            Assert.Matches("data-testid=\"chart-sketch\"[\\s\\S]*Loss per batch[\\s\\S]*<path d=\"M0 [\\d.]+L", html);
        }

        var page = await OpenAsync($"/runs/{lab.CnnRun}");

        // Once Plotly has drawn it, the interactive chart is the only batch-loss chart on the page.
        await Expect(page.Locator("[data-testid=chart-sketch]")).ToHaveCountAsync(0);
        await Expect(page.Locator(".js-plotly-plot .gtitle", new() { HasText = "Loss per batch" })).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Home_TwoFinishedRuns_ListsThemNewestFirstAndSaysWhereToStart()
    {
        var page = await OpenAsync("/");

        var recent = page.ByTestId("recent-runs");
        await Expect(recent.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(recent.Locator("tbody tr").First).ToContainTextAsync(lab.ResidualRun);
        await Expect(recent.Locator("tbody tr").Nth(1)).ToContainTextAsync(lab.CnnRun);
        await Expect(page.ByTestId("page-guide").Locator("dt")).ToHaveTextAsync(["Autograd", "Denoise", "Train", "Runs", "Compare", "Shares", "Report"]);
        await page.ByTestId("start-here").GetByRole(AriaRole.Link, new() { Name = "Train a model" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Train");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).Locator("[aria-current=page]")).ToHaveTextAsync("Train");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RunsList_FilterAndSort_KeptInTheAddressThroughReloadAndBack()
    {
        var page = await OpenAsync("/runs");
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);

        await page.ByTestId("sort-Id").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"sort=id"));
        await Expect(page.Locator("th[aria-sort=ascending]")).ToContainTextAsync("Run");
        await page.Field("runs-filter").FillAsync("residual");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"q=residual"));
        await Expect(rows).ToHaveCountAsync(1);

        await page.ReloadAsync();
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(lab.ResidualRun);
        await Expect(page.Field("runs-filter")).ToHaveValueAsync("residual");
        await Expect(page.Locator("th[aria-sort=ascending]")).ToContainTextAsync("Run");

        await page.GoBackAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"q="));
        await Expect(page.Locator("th[aria-sort=ascending]")).ToContainTextAsync("Run");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Theme_DarkChosen_StillDarkAfterAReload()
    {
        var page = await OpenAsync("/autograd");
        await page.SwitchThemeAsync(dark: true);

        await page.ReloadAsync();
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await Expect(page.ByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to light theme");
        // MudBlazor writes the palette into CSS variables: the page background is the dark one.
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim()");
        Assert.NotEqual("#ffffff", background.ToLowerInvariant());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Compare_TwoFinishedRuns_MetricsConfigDiffAndDeltasForBoth()
    {
        var page = await OpenAsync($"/compare?runs={lab.CnnRun},{lab.ResidualRun}");

        var metrics = page.ByTestId("compare-metrics");
        await Expect(metrics.GetByRole(AriaRole.Link, new() { Name = lab.CnnRun })).ToBeVisibleAsync();
        await Expect(metrics.GetByRole(AriaRole.Link, new() { Name = lab.ResidualRun })).ToBeVisibleAsync();
        await Expect(metrics).ToContainTextAsync("CNN");
        await Expect(metrics).ToContainTextAsync("Residual");
        // The two runs differ in model and epochs: the diff says so, with each run's value.
        var diff = page.ByTestId("config-diff");
        await Expect(diff.Locator("tr", new() { HasText = "Epochs" })).ToContainTextAsync("2");
        await Expect(diff.Locator("tr", new() { HasText = "Epochs" })).ToContainTextAsync("1");
        await Expect(diff.Locator("tr", new() { HasText = "Model" })).ToContainTextAsync("Residual");
        await Expect(page.ByTestId("compare-unknown")).ToHaveCountAsync(0);
        // The overlaid losses: val and train for each run.
        var traces = await Infrastructure.PageExtensions.EventuallyAsync(() => page.ByTestId("compare-chart").TracesAsync(), t => t.Count == 4, "the overlaid loss curves");
        Assert.Equal(4, traces.Count);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Compare_LinkWithAnUnknownId_ShowsANoticeNamingItAndComparesTheRest()
    {
        var page = await OpenAsync($"/compare?runs={lab.CnnRun},20990101-000000-cnn-dead");

        await Expect(page.ByTestId("compare-unknown")).ToContainTextAsync("20990101-000000-cnn-dead");
        await Expect(page.ByTestId("compare-metrics").GetByRole(AriaRole.Link, new() { Name = lab.CnnRun })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [ScreenshotFact]
    public async Task Screenshots_EachPageLightAndDarkAt1280x800_SavedToTheFolderNamed()
    {
        var folder = ScreenshotFactAttribute.Folder!;
        Directory.CreateDirectory(folder);
        var names = new Dictionary<string, string>
        {
            ["/"] = "home", ["/autograd"] = "autograd", ["/denoise"] = "denoise", ["/train"] = "train", ["/runs"] = "runs",
            ["/runs/{cnn}"] = "run", ["/compare?runs={cnn},{residual}"] = "compare", ["/no-such-page"] = "not-found",
        };
        foreach (var (path, name) in names)
        {
            foreach (var dark in new[] { false, true })
            {
                var page = await OpenAsync(path, 1280, 800);
                if (dark)
                    await page.SwitchThemeAsync(dark: true);
                var file = Path.Combine(folder, $"{name}-{(dark ? "dark" : "light")}.png");
                await page.ScreenshotAsync(new() { Path = file, FullPage = false });
                Assert.True(new FileInfo(file).Length > 0, file);
                await page.Context.CloseAsync();
            }
        }
    }
}
