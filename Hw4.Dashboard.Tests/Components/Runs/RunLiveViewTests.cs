using Hw4.Dashboard.Features.Denoising;
using Bunit;
using Hw4.Dashboard.Components.Runs;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Training;
using Hw4.Dashboard.Tests.Features.Runs;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Tests.Components.Runs;

/// <summary>The live view with the real notifier, pump, queue and stopper: it re-renders on events, shows only its own run, and stops listening when disposed.</summary>
public sealed class RunLiveViewTests : MudBunitTest, IDisposable
{
    private readonly IHostedService _pump;
    private readonly string _runs = Directory.CreateTempSubdirectory("hw4-liveview-").FullName;

    public RunLiveViewTests()
    {
        // These tests are about the views' fold of the events, which must be the same live and from the folder
        // (components get every batch; only the hub bundles them).
        Context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Context.Services.AddLogging();
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddSingleton(Options.Create(new Hw4Options { ArtifactsDir = _runs, Device = "cpu" }));
        Context.Services.AddSingleton(sp => DataLocator.FromOptions(sp.GetRequiredService<IOptions<Hw4Options>>().Value));
        Context.Services.AddRunStreaming();
        Context.Services.AddRunQueue();
        // RunRecovery (a hosted service of AddTraining) queues denoising runs again too.
        Context.Services.AddSingleton(new Hw4.Dashboard.Features.Device.DeviceContext(TorchSharp.torch.CPU));
        Context.Services.AddDenoising();
        Context.Services.AddTraining();
        Context.Services.AddSingleton<Hw4.Dashboard.Features.Runs.Live.RunMetricsCache>();
        _pump = Context.Services.GetServices<IHostedService>().OfType<RunEventPump>().Single();
        _pump.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private RunEventNotifier Notifier => Context.Services.GetRequiredService<RunEventNotifier>();

    private RunQueue Queue => Context.Services.GetRequiredService<RunQueue>();

    [Fact]
    public void Render_EventsPublished_StatusAndEpochTableUpdate()
    {
        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, "view-run"));

        Notifier.Publish(new RunStarted("view-run", "train", "cpu", 2, 10));
        Notifier.Publish(new EpochCompleted("view-run", 1, 1.2345, 1.3456, 0.4, 5, 700));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("running", cut.Find("[data-testid=run-status]").TextContent.Trim());
            Assert.Contains("1.3456", cut.Markup);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Render_DivergedEvent_AlertNamesEpochBatchAndLastLoss()
    {
        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, "nan-run"));

        Notifier.Publish(new RunStarted("nan-run", "train", "cpu", 3, 10));
        var diverged = new Diverged("nan-run", 2, 7, 1.875);
        Notifier.Publish(diverged);
        Notifier.Publish(new RunEnded("nan-run", RunStatus.Diverged, diverged.Message, 4));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("diverged", cut.Find("[data-testid=run-status]").TextContent.Trim());
            Assert.Contains("Diverged at epoch 2, batch 7; last finite loss 1.875.", cut.Find("[data-testid=divergence-alert]").TextContent);
        }, TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(RunStatus.Interrupted, "warning")]
    [InlineData(RunStatus.Stopped, "warning")]
    [InlineData(RunStatus.Failed, "error")]
    [InlineData(RunStatus.Completed, "success")]
    public void Render_RunEnded_ChipAndMessageInTheStatusOneStyle(RunStatus status, string tone)
    {
        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, "styled-run"));

        Notifier.Publish(new RunStarted("styled-run", "train", "cpu", 3, 10));
        Notifier.Publish(new RunEnded("styled-run", status, $"ended {status.Name()}: epochs 1–2 are kept", 2));

        cut.WaitForAssertion(() =>
        {
            Assert.Contains($"mud-chip-color-{tone}", cut.Find("[data-testid=run-status]").ClassName);
            // The message takes the status's severity (completed: information); an interrupted or stopped run's message
            // was "info" here while the chip and the denoise view said warning.
            var expected = status == RunStatus.Completed ? "info" : tone;
            Assert.Contains($"mud-alert-text-{expected}", cut.Find("[data-testid=run-message]").ClassName);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Render_QueuedRunBehindARunningOne_ShowsNoPointsOfTheOtherRun()
    {
        var running = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, "run-a"));
        var queued = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, "run-b"));

        Notifier.Publish(new RunQueued("run-a", "train", "a", 1));
        Notifier.Publish(new RunQueued("run-b", "train", "b", 2));
        Notifier.Publish(new RunStarted("run-a", "train", "cpu", 2, 4));
        for (var b = 1; b <= 4; b++)
            Notifier.Publish(new BatchProgress("run-a", 1, b, 4, b, 2.0 - b * 0.1, 2.0, 500, 10));
        Notifier.Publish(new EpochCompleted("run-a", 1, 1.8, 1.7, 0.3, 2, 500));

        running.WaitForAssertion(() => Assert.Single(running.Instance.State.Epochs), TimeSpan.FromSeconds(10));
        queued.WaitForAssertion(() => Assert.Equal("queued", queued.Find("[data-testid=run-status]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.True(running.Instance.State.BatchLoss.Count(0) > 0);
        Assert.Equal(0, queued.Instance.State.BatchLoss.Count(0));
        Assert.Equal(0, queued.Instance.State.EpochLoss.Count(0));
        Assert.Empty(queued.Instance.State.Epochs);

        // The same view switched to another run starts from nothing too.
        running.Render(p => p.Add(v => v.RunId, "run-b"));
        Assert.Equal(0, running.Instance.State.BatchLoss.Count(0));
        Assert.Equal(RunStatus.Queued, running.Instance.State.Status);
    }

    [Fact]
    public void Stop_QueuedRunFromThePage_LeavesTheQueueAndShowsStopped_NotAStaleStopping()
    {
        var dir = new RunFolderBuilder(_runs).Queued("20261201-100000-cnn-aaaa");
        Assert.True(Context.Services.GetRequiredService<IRunScheduler>().Enqueue(dir));
        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, dir.Id));
        cut.WaitForAssertion(() => Assert.Equal("queued", cut.Find("[data-testid=run-status]").TextContent.Trim()), TimeSpan.FromSeconds(10));

        cut.WaitForElement("[data-testid=stop-run]", TimeSpan.FromSeconds(2)).Click();

        cut.WaitForAssertion(() => Assert.Equal("stopped", cut.Find("[data-testid=run-status]").TextContent.Trim()), TimeSpan.FromSeconds(2));
        // "Stopping run …" was true until the run ended; then the status and its message say how it ended.
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=run-command-message]")), TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("Stopping run", cut.Markup);
        Assert.Contains("stopped", cut.Find("[data-testid=run-message]").TextContent);
        Assert.Equal(0, Queue.Length);
        Assert.Equal(RunStatus.Stopped, dir.ReadRun().Status);
        Assert.Empty(cut.FindAll("[data-testid=stop-run]"));
    }

    [Fact]
    public void Resume_CompletedRun_HasNoResumeButtonAndStoppedRunHasOne()
    {
        var builder = new RunFolderBuilder(_runs);
        var completed = builder.Finished("20261201-100000-cnn-bbbb", "cnn", [1.5]);
        var stopped = builder.Queued("20261201-100000-cnn-cccc");
        stopped.Transition(RunStatus.Stopped);

        var a = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, completed.Id).Add(v => v.Summary, RunDirectoryReader.Read(completed.Path)));
        var b = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, stopped.Id).Add(v => v.Summary, RunDirectoryReader.Read(stopped.Path)));

        // The role is checked asynchronously at first render: wait for it, so "no Resume" is not merely "not yet".
        a.WaitForAssertion(() => Assert.True(a.Instance.CanControl), TimeSpan.FromSeconds(2));
        Assert.Empty(a.FindAll("[data-testid=resume-run]"));
        b.WaitForElement("[data-testid=resume-run]", TimeSpan.FromSeconds(2)).Click();
        b.WaitForAssertion(() => Assert.Contains("is queued to resume", b.Find("[data-testid=run-command-message]").TextContent), TimeSpan.FromSeconds(2));
        Assert.Equal(RunStatus.Queued, stopped.ReadRun().Status);
    }

    [Fact]
    public void Charts_SameBatchesLiveAndFromTheFolder_DrawTheSameSeriesOnEveryAxis()
    {
        const string id = "20261202-060000-cnn-live";
        var events = new List<RunEvent> { new RunStarted(id, "train", "cpu", 3, 300) };
        var random = new Random(7);
        for (var e = 1; e <= 3; e++)
        {
            for (var b = 1; b <= 300; b++)
            {
                var step = (e - 1) * 300 + b;
                events.Add(new BatchProgress(id, e, b, 300, step, 2.3 - step * 0.001 + random.NextDouble() * 0.2, 2.0, 600, null, b * 0.02));
            }

            events.Add(new EpochCompleted(id, e, 2.0 - e * 0.2, 2.1 - e * 0.2, 0.2 + e * 0.1, 6.5, 600));
        }

        events.Add(new RunEnded(id, RunStatus.Completed, null, 30));

        // Live: the view is open before the run starts (no folder yet); every batch comes through the notifier, the
        // pump and its throttle (set to pass every batch), published as fast as a training loop can.
        var live = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, id));
        foreach (var e in events)
            Notifier.Publish(e);
        live.WaitForAssertion(() => Assert.Equal(RunStatus.Completed, live.Instance.State.Status), TimeSpan.FromSeconds(10));

        // The run's folder, as the trainer writes it (each event before it is published).
        var dir = new RunFolderBuilder(_runs).Started(id, new Hw4.Ml.Training.TrainerOptions { Epochs = 3 });
        foreach (var e in events)
            dir.AppendMetric(e);
        // Reloaded on this server (the notifier has the events) and after a restart (it has none): from the folder.
        var reloaded = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, id).Add(v => v.Summary, RunDirectoryReader.Read(dir.Path)));
        var restarted = new Hw4.Dashboard.Features.Runs.Live.RunLiveState(id, awaitHistory: true);
        restarted.Apply(new RunReplay(id, IsSnapshot: true, 0, []));
        restarted.SeedHistory(Hw4.Dashboard.Features.Runs.Live.RunHistory.Read(_runs, id));

        var states = new[] { live.Instance.State, reloaded.Instance.State, restarted };
        live.WaitForAssertion(() => Assert.Equal(900, live.Instance.State.BatchLoss.Count(0)), TimeSpan.FromSeconds(10));
        reloaded.WaitForAssertion(() => Assert.Equal(900, reloaded.Instance.State.BatchLoss.Count(0)), TimeSpan.FromSeconds(10));
        Assert.Equal(900, restarted.BatchLoss.Count(0));
        foreach (var axis in Enum.GetValues<Hw4.Dashboard.Features.Charts.ChartXAxis>())
        {
            foreach (var s in states)
                s.BatchLoss.SetXAxis(axis);
            foreach (var trace in new[] { 0, 1 })
            {
                var expected = live.Instance.State.BatchLoss.Points(trace);
                Assert.All(states.Skip(1), s => SameSeries(expected, s.BatchLoss.Points(trace)));
            }
        }

        Assert.All(states.Skip(1), s => SameSeries(live.Instance.State.EpochLoss.Points(1), s.EpochLoss.Points(1)));
        Assert.All(states.Skip(1), s => SameSeries(live.Instance.State.ValAccuracy.Points(0), s.ValAccuracy.Points(0)));
        Assert.Equal(3, live.Instance.State.ValAccuracy.Count(0));
        // The time axis: epoch 3's last batch is two 6.5 s epochs plus its own 6 s.
        Assert.Equal(19.0, live.Instance.State.BatchLoss.Points(0).X[^1], 9);
    }

    [Fact]
    public void FinishedRun_ChartsMadeAfterItsHistory_BatchChartFirstWithItsPointsInItsFirstDraw()
    {
        const string id = "first-draw";
        var dir = WriteFinishedRun(id, epochs: 2, batchesPerEpoch: 20, lossStep: 0.01);

        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, id).Add(v => v.Summary, RunDirectoryReader.Read(dir.Path)));

        // Every chart shows in the end; the batch chart's traces held all 40 points when PlotlyChart first rendered
        // (what goes to Plotly.newPlot), so no redraw of them is pending.
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindComponents<Hw4.Dashboard.Components.Charts.LineChart>().Count), TimeSpan.FromSeconds(10));
        var batch = cut.FindComponents<Hw4.Dashboard.Components.Charts.LineChart>().Single(c => c.Instance.Title == "Loss per batch");
        var traces = batch.FindComponent<Plotly.Blazor.PlotlyChart>().Instance.Data.Cast<Plotly.Blazor.Traces.Scatter>().ToList();
        Assert.Equal(40, traces[0].X!.Count);
        Assert.True(cut.Instance.State.BatchLoss.TakeUpdate().IsEmpty);
        Assert.Empty(cut.FindAll("[data-testid=chart-pending]"));
    }

    [Fact]
    public void FinishedRun_BatchChartPlaceholderMeasured_FirstDrawHasAtMostOnePointPerPixelPerTrace()
    {
        const string id = "narrow-chart";
        var dir = new RunFolderBuilder(_runs).Started(id, new Hw4.Ml.Training.TrainerOptions { Epochs = 2 });
        for (var b = 1; b <= 2_000; b++)
            dir.AppendMetric(new BatchProgress(id, (b - 1) / 1_000 + 1, (b - 1) % 1_000 + 1, 1_000, b, b == 1_234 ? 7.5 : 2.0 - b * 0.0005, 2.0, 900, 0));
        dir.AppendMetric(new EpochCompleted(id, 1, 1.8, 1.7, 0.4, 10, 900));
        dir.AppendMetric(new EpochCompleted(id, 2, 1.6, 1.5, 0.5, 10, 900));
        // The browser says the batch chart's place is 300 px wide.
        var module = Context.JSInterop.SetupModule("./Components/Runs/RunLiveView.razor.js");
        module.Setup<int>("widthOf", _ => true).SetResult(300);

        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, id).Add(v => v.Summary, RunDirectoryReader.Read(dir.Path)));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindComponents<Hw4.Dashboard.Components.Charts.LineChart>().Count), TimeSpan.FromSeconds(10));
        var batch = cut.FindComponents<Hw4.Dashboard.Components.Charts.LineChart>().Single(c => c.Instance.Title == "Loss per batch");
        var traces = batch.FindComponent<Plotly.Blazor.PlotlyChart>().Instance.Data.Cast<Plotly.Blazor.Traces.Scatter>().ToList();
        Assert.InRange(traces[0].X!.Count, 250, 300);
        Assert.Contains(7.5, traces[0].Y!.Cast<double>());
        Assert.Equal(300, traces[1].X!.Count);
        Assert.Equal(2_000, cut.Instance.State.BatchLoss.Count(0));
    }

    [Fact]
    public void FinishedRun_FolderAlreadyParsedByThePage_SketchInTheFirstRenderUntilThePlotlyChartHasDrawn()
    {
        const string id = "sketched";
        var dir = new RunFolderBuilder(_runs).Started(id, new Hw4.Ml.Training.TrainerOptions { Epochs = 2 });
        for (var b = 1; b <= 40; b++)
            dir.AppendMetric(new BatchProgress(id, (b - 1) / 20 + 1, (b - 1) % 20 + 1, 20, b, 2.0 - b * 0.01, 2.0 - b * 0.01, 900, 0));
        dir.AppendMetric(new EpochCompleted(id, 2, 1.6, 1.5, 0.5, 10, 900));
        // The run page reads the folder (through the cache) before it renders the live view.
        var summary = RunDirectoryReader.Read(dir.Path, Context.Services.GetRequiredService<Hw4.Dashboard.Features.Runs.Live.RunMetricsCache>().Read);
        // The browser has not said how wide the chart is yet: the view is still before its interactive chart.
        var module = Context.JSInterop.SetupModule("./Components/Runs/RunLiveView.razor.js");
        var width = module.Setup<int>("widthOf", _ => true);

        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, id).Add(v => v.Summary, summary));

        var paths = cut.FindAll("[data-testid=chart-sketch] svg path");
        Assert.Equal(["40", "40"], paths.Select(p => p.GetAttribute("data-points")));
        Assert.StartsWith("M0 ", paths[0].GetAttribute("d"), StringComparison.Ordinal);
        Assert.Contains("Loss per batch", cut.Find("[data-testid=chart-sketch]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindComponents<Hw4.Dashboard.Components.Charts.LineChart>());

        width.SetResult(600);

        // Once Plotly has drawn the chart (its first-drawn callback), the sketch is gone and the other charts follow.
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindComponents<Hw4.Dashboard.Components.Charts.LineChart>().Count), TimeSpan.FromSeconds(10));
        Assert.Empty(cut.FindAll("[data-testid=chart-sketch]"));
        Assert.Null(cut.Instance.BatchSketch);
    }

    [Fact]
    public void FinishedRun_FolderAlreadyParsedByThePage_EpochAndAccuracyCurvesSketchedTooUntilTheirChartsHaveDrawn()
    {
        const string id = "sketched-epochs";
        var dir = new RunFolderBuilder(_runs).Started(id, new Hw4.Ml.Training.TrainerOptions { Epochs = 3 });
        for (var b = 1; b <= 30; b++)
            dir.AppendMetric(new BatchProgress(id, (b - 1) / 10 + 1, (b - 1) % 10 + 1, 10, b, 2.0 - b * 0.01, 2.0 - b * 0.01, 900, 0));
        dir.AppendMetric(new EpochCompleted(id, 1, 1.8, 1.7, 0.40, 10, 900));
        dir.AppendMetric(new EpochCompleted(id, 2, 1.6, 1.5, 0.50, 10, 900));
        dir.AppendMetric(new EpochCompleted(id, 3, 1.5, 1.45, 0.55, 10, 900));
        var summary = RunDirectoryReader.Read(dir.Path, Context.Services.GetRequiredService<Hw4.Dashboard.Features.Runs.Live.RunMetricsCache>().Read);
        var module = Context.JSInterop.SetupModule("./Components/Runs/RunLiveView.razor.js");
        var width = module.Setup<int>("widthOf", _ => true);

        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, id).Add(v => v.Summary, summary));

        // With the page's HTML: all three curves, each under its chart's title, the epoch ones with a point per epoch.
        var sketches = cut.FindAll("[data-testid=chart-sketch]");
        Assert.Equal(["Loss per batch", "Loss per epoch", "Validation accuracy"], sketches.Select(f => f.QuerySelector(".chart-sketch-title")!.TextContent));
        Assert.Equal(["3", "3"], sketches[1].QuerySelectorAll("svg path").Select(p => p.GetAttribute("data-points")));
        Assert.Equal(["3"], sketches[2].QuerySelectorAll("svg path").Select(p => p.GetAttribute("data-points")));
        Assert.Equal(["train", "val"], sketches[1].QuerySelectorAll(".chart-sketch-legend li").Select(li => li.TextContent));
        Assert.Empty(cut.FindComponents<Hw4.Dashboard.Components.Charts.LineChart>());

        width.SetResult(600);

        // Each sketch goes when its own chart has drawn.
        cut.WaitForAssertion(() =>
        {
            Assert.Equal(3, cut.FindComponents<Hw4.Dashboard.Components.Charts.LineChart>().Count);
            Assert.Empty(cut.FindAll("[data-testid=chart-sketch]"));
        }, TimeSpan.FromSeconds(10));
        Assert.Null(cut.Instance.EpochSketch);
        Assert.Null(cut.Instance.AccuracySketch);
    }

    [Fact]
    public void FinishedRun_Prerendered_BatchChartWritesItsFigureForTheBrowserToDrawOverItsSketch()
    {
        const string id = "predrawn";
        var dir = WriteFinishedRun(id, epochs: 2, batchesPerEpoch: 1_500, lossStep: 0.0005);
        var summary = RunDirectoryReader.Read(dir.Path, Context.Services.GetRequiredService<Hw4.Dashboard.Features.Runs.Live.RunMetricsCache>().Read);
        // The page's HTML, before any circuit.
        Context.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", false));

        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, id).Add(v => v.Summary, summary));

        // No Plotly element: the batch chart's figure as JSON, keyed as the home in the sketch over it. The epoch charts
        // are sketched only (their Plotly charts come with the circuit).
        Assert.Empty(cut.FindComponents<Plotly.Blazor.PlotlyChart>());
        var figure = cut.Find("script[type='application/json'][data-predraw-figure]");
        Assert.Equal("batch", figure.GetAttribute("data-predraw-figure"));
        Assert.Single(cut.FindAll("[data-testid=chart-sketch] [data-predraw-home=batch]"));
        Assert.Equal(3, cut.FindAll("[data-testid=chart-sketch]").Count);
        Assert.Single(cut.FindAll("[data-predraw-home]"));
        // The sketch's caption is the chart's one summary for a screen reader until the circuit's chart is drawn.
        Assert.Empty(cut.FindAll("figure[data-predraw-adopt] figcaption"));
        using var json = System.Text.Json.JsonDocument.Parse(figure.TextContent);
        var root = json.RootElement;
        Assert.Equal("Loss per batch", root.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        Assert.True(root.GetProperty("config").GetProperty("responsive").GetBoolean());
        // Every batch's curve, fitted to a laptop's width: at most 1,000 points a trace, the first and last batch kept.
        var traces = root.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, traces.Count);
        Assert.All(traces, t => Assert.InRange(t.GetProperty("x").GetArrayLength(), 900, 1_000));
        var x = traces[0].GetProperty("x");
        Assert.Equal((1.0, 3_000.0), (x[0].GetDouble(), x[x.GetArrayLength() - 1].GetDouble()));
        Assert.Equal(3_000, cut.Instance.State.BatchLoss.Count(0));
    }

    [Fact]
    public void Circuit_BatchChartHasNoFigureToWrite_ItsPlotlyElementSaysWhichDrawnChartItAdopts()
    {
        const string id = "adopting";
        var dir = WriteFinishedRun(id, epochs: 1, batchesPerEpoch: 20, lossStep: 0.01);
        var summary = RunDirectoryReader.Read(dir.Path, Context.Services.GetRequiredService<Hw4.Dashboard.Features.Runs.Live.RunMetricsCache>().Read);

        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, id).Add(v => v.Summary, summary));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindComponents<Plotly.Blazor.PlotlyChart>().Count), TimeSpan.FromSeconds(10));
        Assert.Empty(cut.FindAll("script[data-predraw-figure]"));
        Assert.Equal(["batch"], cut.FindAll("figure[data-predraw-adopt]").Select(f => f.GetAttribute("data-predraw-adopt")));
    }

    [Fact]
    public void FinishedRun_FolderNotParsedYet_NoSketchAndTheHistoryIsReadAfterTheFirstRender()
    {
        const string id = "unsketched";
        var dir = new RunFolderBuilder(_runs).Started(id, new Hw4.Ml.Training.TrainerOptions { Epochs = 1 });
        for (var b = 1; b <= 10; b++)
            dir.AppendMetric(new BatchProgress(id, 1, b, 10, b, 2.0 - b * 0.01, 2.0, 900, 0));
        var module = Context.JSInterop.SetupModule("./Components/Runs/RunLiveView.razor.js");
        var width = module.Setup<int>("widthOf", _ => true);

        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, id).Add(v => v.Summary, RunDirectoryReader.Read(dir.Path)));

        Assert.Empty(cut.FindAll("[data-testid=chart-sketch]"));
        // The batch chart's place is an empty box until the history is in.
        Assert.Equal(0, cut.FindAll("[data-testid=chart-pending]")[0].ChildElementCount);
        width.SetResult(600);
        cut.WaitForAssertion(() => Assert.Equal(10, cut.Instance.State.BatchLoss.Count(0)), TimeSpan.FromSeconds(10));
    }

    // A finished run's folder: the loss falling by lossStep a batch (raw and smoothed alike), and each epoch's end
    // (epoch e: train loss 2.0 - 0.2e, validation loss 1.9 - 0.2e, accuracy 0.3 + 0.1e).
    private Hw4.Ml.Runs.RunDirectory WriteFinishedRun(string id, int epochs, int batchesPerEpoch, double lossStep)
    {
        var dir = new RunFolderBuilder(_runs).Started(id, new Hw4.Ml.Training.TrainerOptions { Epochs = epochs });
        for (var b = 1; b <= epochs * batchesPerEpoch; b++)
            dir.AppendMetric(new BatchProgress(id, (b - 1) / batchesPerEpoch + 1, (b - 1) % batchesPerEpoch + 1, batchesPerEpoch, b, 2.0 - b * lossStep, 2.0 - b * lossStep, 900, 0));
        for (var e = 1; e <= epochs; e++)
            dir.AppendMetric(new EpochCompleted(id, e, 2.0 - 0.2 * e, 1.9 - 0.2 * e, 0.3 + 0.1 * e, 10, 900));
        return dir;
    }

    private static void SameSeries((double[] X, double[] Y) expected, (double[] X, double[] Y) actual)
    {
        Assert.Equal(expected.X, actual.X);
        Assert.Equal(expected.Y, actual.Y);
    }

    [Fact]
    public async Task Dispose_View_StopsReceivingEvents()
    {
        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, "gone-run"));
        var state = cut.Instance.State;

        cut.Instance.Dispose();
        Notifier.Publish(new RunStarted("gone-run", "train", "cpu", 1, 1));
        var probe = new TaskCompletionSource();
        using var sub = Notifier.Subscribe("gone-run", 0, _ => probe.TrySetResult());
        Notifier.Publish(new RunEnded("gone-run", RunStatus.Completed, null, 1));
        await probe.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, state.LastSeq);
        Assert.Null(state.Status);
    }

    public void Dispose()
    {
        if (Directory.Exists(_runs))
            Directory.Delete(_runs, recursive: true);
    }
}
