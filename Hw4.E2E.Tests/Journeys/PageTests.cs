using Deque.AxeCore.Playwright;
using Hw4.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hw4.E2E.Tests.Journeys;

/// <summary>
/// Every page of a server holding two finished runs, checked as a person (or a screen reader) meets it: axe finds no
/// violation of any impact, light and dark, on a laptop (1366×900) and a phone (390×844); the page has one h1 inside a
/// main landmark; and at phone width the body does not scroll sideways and no chart is squeezed below 250 px.
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
    public async Task Page_Axe_NoViolationOfAnyImpactLightAndDarkOnALaptopAndAPhone(string path)
    {
        // Per size one load: light, then dark on the same page (the toggle is what a person uses, and one load serves both).
        var problems = new List<string>();
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            var page = await OpenAsync(path, width, height);
            foreach (var dark in new[] { false, true })
            {
                if (dark)
                    await page.SwitchThemeAsync(dark: true);
                var result = await page.RunAxe();
                var where = $"{width}px {(dark ? "dark" : "light")}";
                foreach (var v in result.Violations)
                {
                    output.WriteLine($"{where} {v.Impact} {v.Id}: {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Html))}");
                    problems.Add($"{where}: {v.Impact} {v.Id} ({v.Nodes.Count()} nodes): {string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Html} [{string.Join("; ", n.Any.Concat(n.All).Select(a => a.Message))}]"))}");
                }
            }

            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, $"{path}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_CircuitStart_NeverBlanksWhatThePrerenderedPageShowed(string path)
    {
        // The words of main as the server's HTML showed them, then main's words after every change until the charts are
        // drawn: the circuit's first render replaces the prerendered DOM, and a page that loads its data again after an
        // await shows an empty or placeholder state meanwhile ("Pick two or more runs", "Computing…", a run "waiting").
        var page = await lab.Browser.NewPageAsync(1280, 900);
        await page.AddInitScriptAsync("""
            window.__words = () => new Set(((document.querySelector('main') || {}).innerText || '').split(/[^\p{L}\p{N}]+/u).filter(w => w.length >= 3));
            window.__snapshots = [];
            document.addEventListener('DOMContentLoaded', () => {
              window.__first = [...window.__words()];
              new MutationObserver(() => {
                const now = window.__words();
                const missing = window.__first.filter(w => !now.has(w));
                if (missing.length) window.__snapshots.push(Math.round(performance.now()) + ' ms: ' + missing.slice(0, 12).join(' '));
              }).observe(document.body, { subtree: true, childList: true, characterData: true });
            });
            """);
        await page.OpenAsync(lab.Server, Resolve(path));
        await page.WaitForChartsAsync();
        await page.WaitForTimeoutAsync(500);

        Assert.NotEmpty(await page.EvaluateAsync<string[]>("() => window.__first"));
        var lost = await page.EvaluateAsync<string[]>("() => window.__snapshots");
        Assert.True(lost.Length == 0, $"{path}: words of the prerendered page went missing after it loaded: {string.Join(" | ", lost)}");
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

    [Theory]
    [InlineData("/runs/{cnn}")]
    [InlineData("/compare?runs={cnn},{residual}")]
    [InlineData("/autograd")]
    public async Task Charts_AtPhoneWidth_ModebarNeverCoversATitle(string path)
    {
        var page = await OpenAsync(path, 390, 844);
        // Autograd draws its charts once its result is computed after the page opened: wait for a titled chart, then for
        // every chart (without it, a quiet run once found no title at all).
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.js-plotly-plot .gtitle').length > 0", null, new() { Timeout = 180_000 });
        await page.WaitForChartsAsync();

        // Each chart's modebar (hover, zoom, PNG) and its title: their boxes must not overlap.
        var overlaps = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.js-plotly-plot')].flatMap(p => {
              const bar = p.querySelector('.modebar'), title = p.querySelector('.gtitle');
              if (!bar || !title) return [];
              const a = bar.getBoundingClientRect(), b = title.getBoundingClientRect();
              const hit = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
              return hit ? [title.textContent] : [];
            })
            """);
        Assert.True(overlaps.Length == 0, $"{path}: the modebar covers the title of {string.Join(", ", overlaps)}");
        Assert.True(await page.EvaluateAsync<int>("() => document.querySelectorAll('.js-plotly-plot .gtitle').length") > 0, "no chart title found");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/runs/{cnn}")]
    [InlineData("/compare?runs={cnn},{residual}")]
    public async Task EpochCharts_AtPhoneWidth_AxisEndsAtTheData_TicksUpright_LegendUnderTheAxisTitle(string path)
    {
        var page = await OpenAsync(path, 390, 844);

        // Per line chart with an epoch axis: how far its last point sits from the plot's right edge (the best-epoch label
        // centred on it widened the axis, 15 epochs drawn on 0-18), the tick labels' angle (90 when crowded), and the gap
        // from the x title's bottom to the legend's top (a legend below the plot, beside the title, read "train val epoch").
        var charts = await page.EvaluateJsonAsync<EpochAxisFit[]>("""
            () => JSON.stringify([...document.querySelectorAll('.js-plotly-plot')]
              .filter(p => (p._fullLayout.xaxis.title.text || '') === 'epoch' && (p.data || []).every(t => t.type === 'scatter'))
              .map(p => {
                const xs = p.data.flatMap(t => Array.from(t.x || [])), x = p._fullLayout.xaxis, size = p._fullLayout._size;
                const legend = p.querySelector('.legend'), title = p.querySelector('.g-xtitle');
                return {
                  title: p._fullLayout.title.text,
                  rightGap: size.w - x.l2p(Math.max(...xs)),
                  angle: (x._tickAngles || {}).xtick || 0,
                  legendBelowTitle: legend && title ? legend.getBoundingClientRect().top - title.getBoundingClientRect().bottom : null,
                };
              }))
            """);
        Assert.NotEmpty(charts);
        Assert.All(charts, c =>
        {
            Assert.True(c.RightGap < 25, $"{path} '{c.Title}': the last epoch is drawn {c.RightGap:0} px from the plot's right edge");
            Assert.True(c.Angle == 0, $"{path} '{c.Title}': the epoch labels are turned {c.Angle}°");
            // Text boxes include their line spacing: a few pixels of overlap are glyphs a line apart.
            Assert.True(c.LegendBelowTitle is null or >= -6, $"{path} '{c.Title}': the legend starts {-c.LegendBelowTitle:0} px above the x title's bottom");
        });
        await page.Context.CloseAsync();
    }

    private sealed record EpochAxisFit(string Title, double RightGap, double Angle, double? LegendBelowTitle);

    [Theory]
    [InlineData("/runs/{cnn}")]
    [InlineData("/compare?runs={cnn},{residual}")]
    public async Task ConfusionHeatmaps_AtPhoneWidth_EveryCellsTextFitsItsCell(string path)
    {
        var page = await OpenAsync(path, 390, 844);

        // The 10×10 matrices: every cell's text is narrower than the cell, so "51%4%0%1%…" never runs together.
        var maps = await page.EvaluateJsonAsync<HeatmapFit[]>("""
            () => JSON.stringify([...document.querySelectorAll('.js-plotly-plot')].filter(p => (p.data || []).some(t => t.type === 'heatmap')).map(p => {
              const cols = p.data[0].x.length, cell = p._fullLayout._size.w / cols;
              const widest = Math.max(...[...p.querySelectorAll('.heatmaplayer text, g.hm text')].map(t => t.getBBox().width));
              return { cols, cell, widest };
            }))
            """);
        Assert.NotEmpty(maps);
        Assert.All(maps, m => Assert.True(m.Widest > 0 && m.Widest < m.Cell, $"{path}: cells {m.Cell:0} px wide hold text {m.Widest:0} px wide ({m.Cols} columns)"));
        // The page itself still does not scroll sideways: the wide chart scrolls in its own box.
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0);
        await page.Context.CloseAsync();
    }

    private sealed record HeatmapFit(int Cols, double Cell, double Widest);

    [Fact]
    public async Task Theme_DarkChosen_TheServersFirstHtmlIsAlreadyDark_NoWhiteFlashBeforeScriptsRun()
    {
        var page = await OpenAsync("/runs");
        await page.SwitchThemeAsync(dark: true);

        // The same browser loads another page with every script refused: what it paints is the server's HTML and CSS
        // alone, what a person sees before the circuit (and its local storage read) could change anything.
        await page.RouteAsync("**/*.js", route => route.AbortAsync());
        await page.GotoAsync(lab.Server.Url + "/autograd");
        var colors = await page.EvaluateAsync<string[]>("() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).backgroundColor, getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim()]");
        Assert.All(colors.Take(2), c => Assert.True(Luminance(c) < 0.2, $"a background of the first paint is {c} ({string.Join(", ", colors)})"));
        Assert.NotEqual("#ffffff", colors[2].ToLowerInvariant());
        await page.Context.CloseAsync();
    }

    // Relative luminance of "rgb(r, g, b)" / "rgba(…)", 0 (black) to 1 (white).
    private static double Luminance(string css)
    {
        // WCAG's relative luminance: each sRGB channel linearised first (MudBlazor's dark background, rgb(50, 51, 61), is
        // 0.03; white is 1).
        var parts = System.Text.RegularExpressions.Regex.Matches(css, @"[\d.]+").Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        static double Linear(double channel) => channel / 255 <= 0.04045 ? channel / 255 / 12.92 : Math.Pow(((channel / 255) + 0.055) / 1.055, 2.4);
        return (0.2126 * Linear(parts[0])) + (0.7152 * Linear(parts[1])) + (0.0722 * Linear(parts[2]));
    }

    [Fact]
    public async Task RunsList_At1366_FitsWithItsButtonsInViewIdsOnOneLineHeadersOnOneLine()
    {
        var page = await OpenAsync("/runs", 1366, 900);

        var table = page.Locator(".runs-table .mud-table-container");
        Assert.True(await table.EvaluateAsync<int>("el => el.scrollWidth - el.clientWidth") <= 0, "the runs table is wider than its box");
        var delete = page.Locator($"[data-testid=delete-{lab.CnnRun}]");
        await Expect(delete).ToBeInViewportAsync();
        var box = await delete.BoundingBoxAsync();
        Assert.True(box!.X + box.Width <= 1366, $"Delete ends at {box.X + box.Width} px");
        // One line each: a run's id under its name, and every header.
        var lineHeights = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.runs-table .run-id, .runs-table thead th')].map(e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight || '20'))");
        Assert.All(lineHeights, lines => Assert.True(lines < 2.6, $"{lines:0.0} lines"));
        var idHeights = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.runs-table .run-id')].map(e => e.getBoundingClientRect().height)");
        Assert.All(idHeights, h => Assert.True(h < 24, $"a run id is {h} px tall (wrapped)"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FocusRing_QueueButtonAndAugmentationSwitch_ReachedByTab_ShowASolidRing()
    {
        var page = await OpenAsync("/train");

        // The keyboard's focus (focus-visible), as Tab gives it: the button, then the switch.
        await page.Locator("input[data-testid=val-size], [data-testid=val-size] input").First.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        var switchRing = await page.EvaluateAsync<string>("() => { const i = document.activeElement; const ring = i.closest('.mud-button-root'); const s = getComputedStyle(ring); return i.type + ' ' + s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.Equal("checkbox solid 3px", switchRing);
        await page.Keyboard.PressAsync("Tab");
        var buttonRing = await page.EvaluateAsync<string>("() => { const b = document.activeElement; const s = getComputedStyle(b); return b.dataset.testid + ' ' + s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.Equal("queue-run solid 3px", buttonRing);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RunPage_At1366_BatchChartAcrossEpochChartsSideBySide_NoEmptyQuadrant_NotesAfterTheEvaluation()
    {
        var page = await OpenAsync($"/runs/{lab.CnnRun}", 1366, 900);

        var boxes = await page.ByTestId("run-live").Locator("figure.chart-host").EvaluateAllAsync<double[][]>("els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.width]; })");
        Assert.Equal(3, boxes.Length);
        var (batch, epoch, accuracy) = (boxes[0], boxes[1], boxes[2]);
        // The batch curve spans the row; the two epoch charts share the next one, each half of it: no quadrant is empty.
        Assert.True(Math.Abs(epoch[2] + accuracy[2] - batch[2]) < 40, $"widths {batch[2]}, {epoch[2]}, {accuracy[2]}");
        Assert.Equal(epoch[1], accuracy[1], 0);
        Assert.True(accuracy[0] > epoch[0] + epoch[2] - 1, "the accuracy chart is not beside the epoch chart");
        // Notes come after the evaluation (with the run's settings), not between the epoch table and the evaluation.
        var order = await page.EvaluateAsync<bool>("() => { const e = document.querySelector('[data-testid=evaluation]'), n = document.querySelector('[data-testid=notes], [data-testid=notes-readonly]'); return !!(e.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING); }");
        Assert.True(order, "notes come before the evaluation");
        // The best epoch is marked in neutral colours, not the orange of a stopped run.
        await Expect(page.ByTestId("best-epoch-chip")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-color-warning"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HomeworkReportFile_AxeCleanWithOneMainLandmarkAndEveryChartWithinThePrintedWidth()
    {
        var url = $"{lab.Server.Url}/api/report?format=html&download=false&cnn={lab.CnnRun}&residual={lab.ResidualRun}";
        const string Drawn = "() => [...document.querySelectorAll('.chart')].every(c => c.querySelector('.main-svg'))";
        var page = await lab.Browser.NewPageAsync();
        await page.GotoAsync(url, new() { Timeout = 180_000 });
        await page.WaitForFunctionAsync(Drawn, null, new() { Timeout = 60_000 });

        var result = await page.RunAxe();
        foreach (var violation in result.Violations)
            output.WriteLine($"{violation.Impact} {violation.Id}: {string.Join(" | ", violation.Nodes.Take(5).Select(n => n.Html))}");
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad.Select(v => $"{v.Impact} {v.Id}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
        await Expect(page.Locator("main")).ToHaveCountAsync(1);
        await Expect(page.Locator("main h1")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();

        // As the PDF is printed: print media at the A4 text width, before the charts draw.
        var print = await lab.Browser.NewPageAsync(Hw4.Dashboard.Features.Report.ReportPdf.PrintWidthPx, 1000);
        await print.EmulateMediaAsync(new() { Media = Media.Print });
        await print.GotoAsync(url, new() { Timeout = 180_000 });
        await print.WaitForFunctionAsync(Drawn, null, new() { Timeout = 60_000 });
        // Nothing wider than the page: Chromium would shrink the whole page to fit it, charts and text with it.
        var pageOverflow = await print.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        // What sticks out, innermost first, so a failure names the table or figure to fix.
        var wide = await print.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => !e.closest('svg') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && ![...e.children].some(c => c.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)).slice(0, 5).map(e => e.outerHTML.slice(0, 160))");
        Assert.True(pageOverflow <= 0, $"the report is {pageOverflow} px wider than the printed width: {string.Join(" | ", wide)}");
        var overflow = await print.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('.chart .main-svg')].map(s => s.getBoundingClientRect().right - document.documentElement.clientWidth)");
        Assert.NotEmpty(overflow);
        Assert.All(overflow, o => Assert.True(o <= 0.5, $"a chart ends {o:0} px past the printed width"));
        await print.Context.CloseAsync();
    }

    [Fact]
    public async Task UnknownAddress_Answers404WithAPageThatLinksHome()
    {
        var page = await lab.Browser.NewPageAsync();
        var response = await page.GotoAsync(lab.Server.Url + "/no-such-page");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        // A click before the circuit is up is lost (the page is prerendered): CI once clicked too early and stayed here.
        await page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 180_000 });
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
    public async Task RunPage_FinishedRun_CurvesDrawnInTheServersHtml_ThenThePlotlyChartsTakeTheirPlace()
    {
        // What the server sends, before any circuit or chart script: the curve is already an SVG path.
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            var html = await http.GetStringAsync($"{lab.Server.Url}/runs/{lab.CnnRun}");
            Assert.Matches("data-testid=\"chart-sketch\"[\\s\\S]*Loss per batch[\\s\\S]*<path d=\"M0 [\\d.]+L", html);
            // The two epoch curves too (the run has two epochs: a line each).
            Assert.Matches("data-testid=\"chart-sketch\"[\\s\\S]*Loss per epoch[\\s\\S]*<path d=\"M0 [\\d.]+L", html);
            Assert.Matches("data-testid=\"chart-sketch\"[\\s\\S]*Validation accuracy[\\s\\S]*<path d=\"M0 [\\d.]+L", html);
        }

        var page = await OpenAsync($"/runs/{lab.CnnRun}");

        // Once Plotly has drawn it, the interactive chart is the only batch-loss chart on the page.
        await Expect(page.Locator("[data-testid=chart-sketch]")).ToHaveCountAsync(0);
        await Expect(page.Locator(".js-plotly-plot .gtitle", new() { HasText = "Loss per batch" })).ToHaveCountAsync(1);
        await Expect(page.Locator(".js-plotly-plot .gtitle", new() { HasText = "Loss per epoch" })).ToHaveCountAsync(1);
        await Expect(page.Locator(".js-plotly-plot .gtitle", new() { HasText = "Validation accuracy" })).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RunPage_FinishedRun_BatchChartAnswersThePointerBeforeTheCircuit_WhichKeepsThatChartAndItsZoom()
    {
        var page = await lab.Browser.NewPageAsync(1366, 900);
        // The circuit waits until the test lets it start.
        var circuit = new TaskCompletionSource();
        await page.RouteAsync("**/_blazor/**", async route =>
        {
            await circuit.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync($"{lab.Server.Url}/runs/{lab.CnnRun}");

        // Plotly's chart, drawn from the figure in the page's HTML, in the sketch's place; no circuit yet.
        var chart = page.Locator(".js-plotly-plot", new() { Has = page.Locator(".gtitle", new() { HasText = "Loss per batch" }) });
        await Expect(chart.Locator(".scatterlayer .trace path.js-line").First).ToBeAttachedAsync(new() { Timeout = 60_000 });
        Assert.Equal(0, await page.Locator("[data-testid=interactive]").CountAsync());
        Assert.Equal(1, await page.Locator("[data-predraw-home=batch] .js-plotly-plot").CountAsync());
        // The sketch under it still says in words what the chart shows (to a screen reader).
        var sketch = page.Locator("[data-testid=chart-sketch]", new() { Has = page.Locator("[data-predraw-home=batch]") });
        Assert.Equal("visible", await sketch.Locator("figcaption").EvaluateAsync<string>("c => getComputedStyle(c).visibility"));
        Assert.Equal("hidden", await sketch.Locator(".chart-sketch-plot > svg").EvaluateAsync<string>("s => getComputedStyle(s).visibility"));
        // It answers the pointer: a drag zooms into the middle of the x axis (hover labels do not come from Playwright's
        // mouse in headless Chromium here, on charts drawn by the circuit either).
        var plot = (await chart.Locator(".nsewdrag").First.BoundingBoxAsync())!;
        var y = plot.Y + plot.Height / 2;
        var full = await chart.EvaluateAsync<double[]>("gd => gd._fullLayout.xaxis.range");
        await page.Mouse.MoveAsync(plot.X + plot.Width * 0.4f, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(plot.X + plot.Width * 0.6f, y, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        var zoomed = await chart.EvaluateAsync<double[]>("gd => gd._fullLayout.xaxis.range");
        Assert.True(zoomed[1] - zoomed[0] < (full[1] - full[0]) / 2, $"not zoomed: {string.Join("..", zoomed)} of {string.Join("..", full)}");
        await chart.EvaluateAsync("gd => { gd.dataset.drawnBeforeTheCircuit = 'yes'; }");

        circuit.SetResult();
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 180_000 });

        // The circuit's batch chart is that same element, moved into the LineChart, with the user's zoom; its sketch is gone.
        var batch = page.Locator("figure[data-predraw-adopt=batch] .js-plotly-plot");
        await Expect(page.Locator("[data-testid=chart-sketch]", new() { HasText = "Loss per batch" })).ToHaveCountAsync(0);
        await Expect(page.Locator(".js-plotly-plot .gtitle", new() { HasText = "Loss per batch" })).ToHaveCountAsync(1);
        await Expect(batch).ToHaveAttributeAsync("data-drawn-before-the-circuit", "yes");
        var kept = await batch.EvaluateAsync<double[]>("gd => gd._fullLayout.xaxis.range");
        Assert.Equal(zoomed[0], kept[0], 6);
        Assert.Equal(zoomed[1], kept[1], 6);
        // And the circuit drives it: log scale redraws the same element on a log axis.
        await page.ByTestId("log-scale").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('figure[data-predraw-adopt=batch] .js-plotly-plot')?._fullLayout.yaxis.type === 'log'",
            null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RunPage_ReachedFromHomeInsideTheApp_ItsChartsDrawWithoutAPageError()
    {
        var page = await lab.Browser.NewPageAsync(1366, 900);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
                errors.Add(m.Text);
        };
        await page.OpenAsync(lab.Server, "/");

        // Home started its circuit itself; the run page's chart modules load now, with that circuit up.
        await page.ByTestId("recent-runs").Locator("tr", new() { HasText = lab.CnnRun }).GetByRole(AriaRole.Link).First.ClickAsync();

        await Expect(page.Locator(".js-plotly-plot .gtitle", new() { HasText = "Loss per batch" })).ToHaveCountAsync(1);
        await page.WaitForChartsAsync();
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RunPage_PlotlyJsCannotLoad_TheCircuitStartsAnywayAndTheSketchStays()
    {
        var page = await lab.Browser.NewPageAsync(1366, 900);
        await page.RouteAsync("**/lib/plotly/**", route => route.AbortAsync());

        // The circuit starts without a chart drawn before it (predraw.js starts it once plotly.js failed).
        await page.OpenAsync(lab.Server, $"/runs/{lab.CnnRun}");

        await Expect(page.Locator("[data-testid=chart-sketch]", new() { HasText = "Loss per batch" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator(".js-plotly-plot").CountAsync());
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
        // Each run by its name (a link to it), its id under it.
        await Expect(metrics.Locator("tr", new() { HasText = lab.CnnRun }).GetByRole(AriaRole.Link, new() { Name = "CNN · seed 0 · 2 ep" })).ToBeVisibleAsync();
        await Expect(metrics.Locator("tr", new() { HasText = lab.ResidualRun }).GetByRole(AriaRole.Link, new() { Name = "Residual · seed 0 · 1 ep" })).ToBeVisibleAsync();
        await Expect(metrics).ToContainTextAsync("CNN");
        await Expect(metrics).ToContainTextAsync("Residual");
        // The two runs differ in model and epochs: the diff says so, with each run's value.
        var diff = page.ByTestId("config-diff");
        await Expect(diff.Locator("tr", new() { HasText = "Epochs" })).ToContainTextAsync("2");
        await Expect(diff.Locator("tr", new() { HasText = "Epochs" })).ToContainTextAsync("1");
        await Expect(diff.Locator("tr", new() { HasText = "Model" })).ToContainTextAsync("Residual");
        await Expect(page.ByTestId("compare-unknown")).ToHaveCountAsync(0);
        // The overlaid losses: val and train for each run, named by the runs' names, on whole-epoch ticks.
        var traces = await Infrastructure.PageExtensions.EventuallyAsync(() => page.ByTestId("compare-chart").TracesAsync(), t => t.Count == 4, "the overlaid loss curves");
        Assert.Equal(["CNN · seed 0 · 2 ep val", "CNN · seed 0 · 2 ep train", "Residual · seed 0 · 1 ep val", "Residual · seed 0 · 1 ep train"], traces.Select(t => t.Name));
        // SVG text has no innerText: its text content is the tick label.
        var ticks = await page.ByTestId("compare-chart").Locator(".xtick text").AllTextContentsAsync();
        Assert.NotEmpty(ticks);
        Assert.All(ticks, t => Assert.Matches(@"^\d+$", t));
        // And each run's loss per batch, smoothed, on the same epoch axis.
        var batches = await Infrastructure.PageExtensions.EventuallyAsync(() => page.ByTestId("compare-batch-chart").TracesAsync(), t => t.Count == 2 && t.All(c => c.X.Length > 0), "the overlaid batch curves");
        Assert.Equal(["CNN · seed 0 · 2 ep", "Residual · seed 0 · 1 ep"], batches.Select(t => t.Name));
        Assert.True(batches[0].X[^1] > 1.5 && batches[0].X[^1] <= 2, $"the CNN's batches end at epoch {batches[0].X[^1]}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Compare_LinkWithAnUnknownId_ShowsANoticeNamingItAndComparesTheRest()
    {
        var page = await OpenAsync($"/compare?runs={lab.CnnRun},20990101-000000-cnn-dead");

        await Expect(page.ByTestId("compare-unknown")).ToContainTextAsync("20990101-000000-cnn-dead");
        await Expect(page.ByTestId("compare-metrics").Locator("tr", new() { HasText = lab.CnnRun }).GetByRole(AriaRole.Link)).ToBeVisibleAsync();
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
                {
                    await page.SwitchThemeAsync(dark: true);
                    // The theme button keeps focus and the pointer after the click: its tooltip would be in the picture.
                    await page.Mouse.MoveAsync(640, 700);
                    await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
                    await page.WaitForTimeoutAsync(500);
                }

                var file = Path.Combine(folder, $"{name}-{(dark ? "dark" : "light")}.png");
                await page.ScreenshotAsync(new() { Path = file, FullPage = false });
                Assert.True(new FileInfo(file).Length > 0, file);
                await page.Context.CloseAsync();
            }
        }
    }
}
