using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hw4.Ml.Models;
using Hw4.Ml.Runs;
using Hw4.Ml.Training;
using Microsoft.Playwright;
using Hw4.Ml.Lifecycle;
using TrainEvents = Hw4.Ml.Lifecycle.Events;

namespace Hw4.Bench;

/// <summary>
/// <c>render</c>: time to show a big finished run. Writes a synthetic run folder with <c>--epochs</c> × <c>--batches</c>
/// per-batch points (default 15 × 704, a full CIFAR-10 run at batch 64 with progress every batch), starts the dashboard
/// on it, and loads <c>/runs/{id}</c> in headless system Chromium: navigation start → the batch-loss chart's Plotly SVG
/// has its lines, each load in a fresh browser context (cold page, warm server after one unreported load).
/// </summary>
internal static class RenderBenchmark
{
    private const string RunId = "render-bench";

    public static int Run(string[] rawArgs) => BenchArgs.Run(rawArgs, RunAsync);

    private static async Task<int> RunAsync(BenchArgs args)
    {
        var epochs = args.GetInt("--epochs", 15);
        var batches = args.GetInt("--batches", 704);
        var repeats = args.GetInt("--repeats", 5);
        var runsDir = Directory.CreateTempSubdirectory("hw4-bench-render-").FullName;
        try
        {
            WriteRun(runsDir, epochs, batches);
            await using var server = await BenchServer.StartAsync(runsDir, null);
            var (playwright, browser) = await SystemChromium.LaunchAsync(args.Get("--chromium"));
            using (playwright)
            await using (browser)
            {
                var url = $"{server.Url}/runs/{RunId}";
                var times = new List<(double WallMs, double PageMs)>();
                for (var i = 0; i <= repeats; i++)
                {
                    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
                    var page = await context.NewPageAsync();
                    var console = new List<string>();
                    page.Console += (_, m) => console.Add($"{m.Type}: {m.Text}");
                    var clock = Stopwatch.StartNew();
                    await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
                    try
                    {
                        await page.WaitForFunctionAsync(SystemChromium.ChartDrawnScript("Loss per batch"), null, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 10 });
                    }
                    catch (TimeoutException)
                    {
                        var shot = Path.Combine(Path.GetTempPath(), "hw4-render-timeout.png");
                        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
                        throw new ArgumentException($"the batch chart did not draw in 120 s; page saved to {shot}; console: {string.Join(" | ", console)}");
                    }

                    var wall = clock.Elapsed.TotalMilliseconds;
                    // performance.now() counts from the navigation's time origin: the browser's own view of the same span.
                    var pageMs = await page.EvaluateAsync<double>("() => performance.now()");
                    if (args.Has("--verbose"))
                    {
                        // Where the time went: each resource's start and end relative to navigation start.
                        var timeline = await page.EvaluateAsync<string>(
                            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map(e => `${Math.round(e.startTime)}-${Math.round(e.responseEnd)} ms ${e.name}`).join('\\n')");
                        Console.WriteLine(timeline);
                    }
                    if (i == 0)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up load: {wall:F0} ms (not counted)"));
                        continue;
                    }

                    times.Add((wall, pageMs));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load {i}: {wall:F0} ms wall, {pageMs:F0} ms in page"));
                }

                var medWall = Stats.Median(times.Select(t => t.WallMs));
                var medPage = Stats.Median(times.Select(t => t.PageMs));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"median navigation -> batch chart drawn: {medWall:F0} ms wall, {medPage:F0} ms in page ({epochs} x {batches} = {epochs * batches} points)"));
                if (args.Has("--json"))
                {
                    Console.WriteLine(JsonSerializer.Serialize(new
                    {
                        epochs, batches, points = epochs * batches, loads = times.Select(t => new { wall_ms = t.WallMs, page_ms = t.PageMs }),
                        median_wall_ms = medWall, median_page_ms = medPage,
                    }));
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(runsDir, recursive: true);
        }
    }

    /// <summary>A completed run folder written with Hw4.Ml's own run-folder writer, as the trainer would leave it.</summary>
    private static void WriteRun(string runsDir, int epochs, int batches)
    {
        var random = new Random(1);
        var created = DateTimeOffset.UtcNow.AddHours(-3);
        var dir = RunDirectory.Create(runsDir, new RunRecord
        {
            Id = RunId,
            Config = new TrainerOptions { Model = ModelKind.Cnn, Epochs = epochs, ProgressEveryBatches = 1 },
            CreatedUtc = created,
            QueuedUtc = created,
        });
        dir.Transition(RunStatus.Running, r => r with { StartedUtc = created, TrainImages = batches * 64, ValidationImages = 5000, TestImages = 10000 });
        var loss = 2.3;
        for (var e = 1; e <= epochs; e++)
        {
            for (var b = 1; b <= batches; b++)
            {
                loss = Math.Max(0.2, loss * 0.9997 + (random.NextDouble() - 0.5) * 0.05);
                var step = (long)(e - 1) * batches + b;
                dir.AppendMetric(new TrainEvents.BatchProgress(RunId, e, b, batches, step, loss + random.NextDouble() * 0.3, loss, 600, (epochs * batches - step) / 10.0));
            }

            dir.AppendMetric(new TrainEvents.EpochCompleted(RunId, e, loss, loss * 1.1, 0.5 + e * 0.01, 60, 750));
        }

        dir.Transition(RunStatus.Completed, r => r with { FinishedUtc = created.AddMinutes(epochs) });
    }
}
