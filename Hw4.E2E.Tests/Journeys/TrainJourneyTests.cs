using Hw4.Dashboard.Tests.Integration;
using Hw4.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hw4.E2E.Tests.Journeys;

/// <summary>The Train page and a run's page while tiny runs train on the 4-class archive.</summary>
[Trait("Category", "System")]
public sealed class TrainJourneyTests(ITestOutputHelper output) : Journey(output)
{
    // Every 25 ms, what a person watching sees: the progress bar's value and the batch-loss chart's point count.
    private const string RecordSamples = """
        () => { window.__samples = []; window.__sameDocument = true;
          setInterval(() => {
            const live = document.querySelector('[data-testid=run-live]');
            if (!live) return;
            const bar = live.querySelector('[data-testid=run-progress] [aria-valuenow], [data-testid=run-progress][aria-valuenow]');
            const plot = live.querySelector('.js-plotly-plot');
            window.__samples.push({ p: bar ? Number(bar.getAttribute('aria-valuenow')) : -1, n: plot && plot.data && plot.data[0] ? plot.data[0].x.length : 0 });
          }, 25); }
        """;

    // Each field settles (the server shows the value it will use) before the next is typed into.
    private static async Task FillAsync(IPage page, string epochs, string batch)
    {
        await TypeAndSeeAsync(page, "epochs", epochs, $"uses {epochs}");
        await TypeAndSeeAsync(page, "batch-size", batch, $"uses {batch}");
        await TypeAndSeeAsync(page, "limit", "256", "uses 256");
        // The recipe holds out 5,000 images for validation; the test archive has 300.
        await TypeAndSeeAsync(page, "val-size", "32", "uses 32");
        await TypeAndSeeAsync(page, "lr", "1e-3", "uses 0.001");
    }

    private static async Task TypeAndSeeAsync(IPage page, string field, string text, string uses)
    {
        await page.TypeIntoAsync(field, text);
        await Expect(page.Field(field)).ToHaveValueAsync(text);
        await Expect(page.FieldMessage(field)).ToHaveTextAsync(uses);
    }

    private static async Task<string> QueueAsync(IPage page, string? previous = null)
    {
        await page.ByTestId("queue-run").ClickAsync();
        // The followed run's heading: its name (a link to its page) and its id.
        var id = page.ByTestId("followed-run").Locator(".run-id");
        if (previous is not null)
            await Expect(id).Not.ToHaveTextAsync(previous);
        else
            await Expect(id).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*\d{8}-\d{6}-cnn-"));
        await Expect(page.ByTestId("followed-run").GetByRole(AriaRole.Link)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^CNN · seed 0 · \d+ ep$"));
        return (await id.InnerTextAsync()).Trim();
    }

    private async Task<long> LastSeqAsync(string runId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.Url) };
        var status = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/api/runs/{runId}")).RootElement;
        return status.GetProperty("lastSeq").GetInt64();
    }

    private async Task StopAsync(string runId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.Url) };
        using var response = await http.PostAsync($"/api/runs/{runId}/stop", null);
        Assert.True(response.IsSuccessStatusCode, $"stop {runId}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task TinyRun_ProgressAndLossChartAdvanceLive_RunPageShowsAccuracyAndA10x10ConfusionWithClassNames()
    {
        var page = await OpenAsync("/train");
        await page.EvaluateAsync(RecordSamples);
        await FillAsync(page, "2", "4");
        var runId = await QueueAsync(page);

        await Expect(page.ByTestId("run-status")).ToHaveTextAsync("completed", new() { Timeout = 180_000 });
        var samples = await page.EvaluateJsonAsync<Sample[]>("() => JSON.stringify(window.__samples)");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        // The bar moved through values between empty and full, and only forward.
        var progress = samples.Select(s => s.P).Where(p => p >= 0).Distinct().ToList();
        Assert.True(progress.Count(p => p is > 0 and < 100) >= 2, $"progress seen: {string.Join(", ", progress)}");
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(100, progress[^1]);
        // The batch-loss chart gained points in several steps while the page stayed put (2 epochs × 64 batches at most).
        var counts = samples.Select(s => s.N).Distinct().ToList();
        Assert.True(counts.Count(n => n > 0) >= 3, $"point counts seen: {string.Join(", ", counts)}");
        Assert.Equal(counts.Order(), counts);
        await Expect(page.ByTestId("run-live")).ToContainTextAsync("Test accuracy");

        await page.OpenAsync(Server, $"/runs/{runId}");
        var evaluation = page.ByTestId("evaluation");
        await Expect(evaluation).ToContainTextAsync("Test accuracy");
        await Expect(evaluation.GetByText(new System.Text.RegularExpressions.Regex(@"Test accuracy \d+(\.\d+)?\s?%"))).ToBeVisibleAsync();
        // The heatmap is read once the page's charts are drawn (reading it earlier finds no trace yet).
        await page.WaitForChartsAsync();
        var heatmap = await evaluation.HeatmapAsync();
        // CIFAR-10's classes: a 10×10 matrix labelled with the class names, each cell coloured by its row fraction
        // (every class has test images, so every row sums to one).
        Assert.Equal(TinyCifarZip.Cifar10Classes, heatmap.X);
        Assert.Equal(TinyCifarZip.Cifar10Classes, heatmap.Y);
        Assert.Equal(10, heatmap.Z.Length);
        Assert.All(heatmap.Z, row => Assert.Equal(10, row.Length));
        Assert.All(heatmap.Z, row => Assert.Equal(1.0, row.Sum(v => v ?? 0), 6));
    }

    [Fact]
    public async Task QueueTwo_SecondPanelStaysEmptyUntilItStarts_ReloadMidRunBringsBackTheFullHistory()
    {
        // Both runs are long (100 epochs) so that neither ends by itself during the test; each is stopped through the
        // API once it has shown what the test looks at.
        var page = await OpenAsync("/train");
        await FillAsync(page, "100", "4");
        var first = await QueueAsync(page);
        await Expect(page.ByTestId("run-status")).ToHaveTextAsync("running", new() { Timeout = 120_000 });
        var second = await QueueAsync(page, first);
        Assert.NotEqual(first, second);

        // The page follows the second run; while the first trains, its panel is empty: no status but queued, no progress,
        // no chart points and no epoch table.
        var live = page.ByTestId("run-live");
        await Expect(page.ByTestId("queue-list")).ToContainTextAsync($"{first} (running)");
        await Expect(page.ByTestId("queue-list")).ToContainTextAsync($"1. {second}");
        await Expect(page.ByTestId("run-status")).ToHaveTextAsync("queued");
        await Expect(live.Locator("[role=progressbar]")).ToHaveAttributeAsync("aria-valuenow", "0");
        await Expect(live.Locator("table")).ToHaveCountAsync(0);
        Assert.Empty((await live.TracesAsync()).SelectMany(t => t.X));
        // The first run's batches keep arriving meanwhile (its event count grows), and still none reach this panel.
        var seq = await LastSeqAsync(first);
        await PageExtensions.EventuallyAsync(() => LastSeqAsync(first), s => s > seq + 10, "the first run's progress", 120);
        Assert.Empty((await live.TracesAsync()).SelectMany(t => t.X));
        await Expect(page.ByTestId("run-status")).ToHaveTextAsync("queued");

        await StopAsync(first);
        await Expect(page.ByTestId("run-status")).ToHaveTextAsync("running", new() { Timeout = 120_000 });
        var before = await PageExtensions.EventuallyAsync(() => live.TracesAsync(), t => t.Count > 0 && t[0].X.Length >= 20, "the second run's batch losses", 120);

        await page.ReloadAsync();
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.ByTestId("followed-run").Locator(".run-id")).ToHaveTextAsync(second);
        await Expect(page.ByTestId("run-status")).ToHaveTextAsync("running");
        var after = await PageExtensions.EventuallyAsync(() => page.ByTestId("run-live").TracesAsync(), t => t.Count > 0 && t[0].X.Length >= before[0].X.Length, "the history after the reload", 60);
        // From its first batch on, not only what came after the reload: every batch drawn live is drawn again, the same.
        Assert.Equal(before[0].X[0], after[0].X[0]);
        Assert.Equal(before[0].X, after[0].X.Take(before[0].X.Length));
        Assert.Equal(before[0].Y, after[0].Y.Take(before[0].Y.Length));
        await StopAsync(second);
        await Expect(page.ByTestId("run-status")).ToHaveTextAsync("stopped", new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task ZoomedCharts_KeepTheirXRangeWhileNewPointsArriveAndTheBestEpochMarkerMoves()
    {
        // A long run (stopped through the API at the end), so that batches and epoch ends keep arriving after the zoom.
        var page = await OpenAsync("/train");
        await FillAsync(page, "100", "4");
        var runId = await QueueAsync(page);
        await Expect(page.ByTestId("run-status")).ToHaveTextAsync("running", new() { Timeout = 120_000 });
        var live = page.ByTestId("run-live");
        var batch = Chart(live, "Loss per batch");
        var epoch = Chart(live, "Loss per epoch");
        var traces = await PageExtensions.EventuallyAsync(() => live.TracesAsync(), t => t.Count > 0 && t[0].X.Length >= 10, "the first batch losses", 120);

        // Zoom as the modebar's box zoom does: a relayout with an x range. The batch chart: the first half of what is
        // drawn so far; the epoch chart (before its first epoch, so with no best-epoch marker yet): epochs 1 to 4.
        var from = traces[0].X[0]!.Value;
        var to = traces[0].X[^1]!.Value;
        var batchZoom = new[] { from, from + ((to - from) / 2) };
        double[] epochZoom = [1, 4];
        await batch.EvaluateAsync("(el, r) => Plotly.relayout(el, { 'xaxis.range': r })", batchZoom);
        await epoch.EvaluateAsync("(el, r) => Plotly.relayout(el, { 'xaxis.range': r })", epochZoom);
        Assert.Equal(batchZoom, await XRangeAsync(batch));
        Assert.Equal(epochZoom, await XRangeAsync(epoch));
        var markerAtZoom = await MarkerAsync(epoch);

        // The batch chart keeps gaining points, two epochs end, and the best-epoch marker moves after the zoom (each move
        // relayouts the epoch chart).
        var count = traces[0].X.Length;
        await PageExtensions.EventuallyAsync(() => live.Locator("table tbody tr").CountAsync(), n => n >= 2, "two finished epochs", 240);
        await PageExtensions.EventuallyAsync(() => live.TracesAsync(), t => t[0].X.Length >= count + 20, "new batch losses after the zoom", 120);
        await PageExtensions.EventuallyAsync(() => MarkerAsync(epoch), m => m != markerAtZoom, "the best-epoch marker moving after the zoom", 60);

        Assert.Equal(batchZoom, await XRangeAsync(batch));
        Assert.Equal(epochZoom, await XRangeAsync(epoch));
        Assert.False(await batch.EvaluateAsync<bool>("el => el.layout.xaxis.autorange === true"), "the batch chart's x axis went back to autorange");
        Assert.False(await epoch.EvaluateAsync<bool>("el => el.layout.xaxis.autorange === true"), "the epoch chart's x axis went back to autorange");
        await StopAsync(runId);
        await Expect(page.ByTestId("run-status")).ToHaveTextAsync("stopped", new() { Timeout = 60_000 });
    }

    // The plot of the chart whose caption starts with its title (the caption is the figure's summary for screen readers).
    private static ILocator Chart(ILocator within, string title) =>
        within.Locator("figure.chart-host").Filter(new() { Has = within.Page.Locator("figcaption", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(title) + "\\.") }) }).Locator(".js-plotly-plot");

    // The marker's x and label as the browser holds them, or null when the chart has none.
    private static async Task<string?> MarkerAsync(ILocator plot) =>
        await plot.EvaluateAsync<string?>("el => { const s = (el.layout.shapes || [])[0]; const a = (el.layout.annotations || [])[0]; return s ? `${s.x0} ${a ? a.text : ''}` : null; }");

    private static async Task<double[]> XRangeAsync(ILocator plot) =>
        await plot.EvaluateAsync<double[]>("el => (el.layout.xaxis.range || []).map(Number)");

    private sealed record Sample(double P, int N);
}
