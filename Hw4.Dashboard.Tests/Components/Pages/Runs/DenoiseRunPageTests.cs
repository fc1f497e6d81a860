using Bunit;
using Hw4.Dashboard.Components.Pages.Runs;
using Hw4.Dashboard.Components.Runs;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;
using Hw4.Dashboard.Features.Runs;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TorchSharp;

namespace Hw4.Dashboard.Tests.Components.Pages.Runs;

/// <summary>
/// Denoising runs on the run page and the runs list, from real run folders written by <see cref="DenoiseRecipe"/>
/// (as after navigating away, or after a restart: everything comes from the folder).
/// </summary>
public sealed class DenoiseRunPageTests : RunStoreBunitTest
{
    // The runs list listens to the updater for changes; it is not started, so it never writes.
    public DenoiseRunPageTests() => Context.Services.AddSingleton<RunIndexUpdater>();

    private static (RgbImage Noisy, RgbImage Clean) TinyImages()
    {
        var rng = new Random(11);
        var clean = new byte[8 * 8 * 3];
        Array.Fill(clean, (byte)128);
        var noisy = clean.Select(v => (byte)Math.Clamp(v + rng.Next(-40, 41), 0, 255)).ToArray();
        return (new RgbImage(8, 8, noisy), new RgbImage(8, 8, clean));
    }

    private RunDirectory Queue(int steps = 20)
    {
        var (noisy, clean) = TinyImages();
        var options = new DenoiseOptions(DenoiseNorm.L1, DenoiseOptimizer.Gd, Lr: 0.3, Alpha: 0.8, Steps: steps, ReportEvery: 5);
        return DenoiseRecipe.Queue(ArtifactsDir, new DenoiseRunConfig { Options = options, Source = "tiny.png", Preset = null }, noisy, clean, TimeProvider.System);
    }

    private RunDirectory Completed()
    {
        var dir = Queue();
        Assert.Equal(RunStatus.Completed, DenoiseRecipe.Run(dir, torch.CPU).Status);
        return dir;
    }

    [Fact]
    public void RunPage_DenoiseRunStoppedAtStep12Of20_ProgressBarSays60Percent_AsTheApiDoes()
    {
        var dir = Queue();
        dir.Transition(RunStatus.Running);
        dir.AppendMetric(new Hw4.Ml.Lifecycle.Events.DenoiseProgress(dir.Id, 12, 20, 1.0, 30.5));
        dir.Transition(RunStatus.Stopped, r => r with { Message = "stopped at step 12" });

        var cut = Context.Render<RunDetail>(p => p.Add(d => d.Id, dir.Id));

        cut.WaitForAssertion(() => Assert.Equal("stopped", cut.Find("[data-testid=denoise-run] [data-testid=run-status]").TextContent.Trim()),
            TimeSpan.FromSeconds(30));
        // One formula for the page and GET /api/runs/{id} (RunsApiTests): the latest step over the planned steps.
        Assert.Equal(0.6, cut.FindComponent<DenoiseRunView>().Instance.State.Progress, 12);
        Assert.Contains("step 12/20, PSNR 30.50 dB", cut.Find("[data-testid=denoise-run]").TextContent);
    }

    [Fact]
    public async Task RunPage_CompletedDenoiseRun_ShowsItsViewFromTheFolderAgainAfterNavigatingAwayAndNoTrainingCharts()
    {
        var dir = Completed();
        var psnr = RunDirectoryReader.Read(dir.Path).Denoised!.PsnrOutput!.Value;

        for (var visit = 0; visit < 2; visit++)
        {
            var cut = Context.Render<RunDetail>(p => p.Add(d => d.Id, dir.Id));

            cut.WaitForAssertion(() => Assert.Equal("completed", cut.Find("[data-testid=denoise-run] [data-testid=run-status]").TextContent.Trim()),
                TimeSpan.FromSeconds(30));
            var view = cut.FindComponent<DenoiseRunView>().Instance;
            // Every report of the folder, loss and PSNR: steps 5, 10, 15, 20.
            Assert.Equal([5.0, 10, 15, 20], view.State.Loss.Points(0).X);
            Assert.Equal(4, view.State.PsnrCurve.Count(0));
            Assert.Contains($"{psnr:0.00} dB", cut.Find("[data-testid=denoise-figures]").TextContent);
            Assert.Contains("L1 · Gradient descent · lr 0.3 · α 0.8 · 20 steps", cut.Find("[data-testid=denoise-settings]").TextContent);
            // Its settings without a training run's fields (no "train_images 0", "parameters 0", "config –").
            var config = cut.Find("[data-testid=run-config]").TextContent;
            Assert.Contains("denoise.options.alpha", config);
            foreach (var trainingField in new[] { "train_images", "validation_images", "test_images", "parameters", "dataset_hash" })
                Assert.DoesNotContain(trainingField, config);
            Assert.DoesNotMatch(@"(^|\s)config\s", config);
            var images = cut.FindAll("[data-testid=before-after] img").Select(i => i.GetAttribute("src")).ToList();
            Assert.Equal($"runs/{dir.Id}/files/input.png", images[0]);
            Assert.StartsWith($"runs/{dir.Id}/files/output.png?v=", images[1]);
            Assert.Equal(images[1], cut.Find("[data-testid=download-output]").GetAttribute("href"));
            // No training view: no live training section, no per-batch or per-epoch chart, no epoch table.
            Assert.Empty(cut.FindAll("[data-testid=run-live]"));
            Assert.Empty(cut.FindComponents<RunLiveView>());
            Assert.DoesNotContain("Loss per batch", cut.Markup);
            Assert.DoesNotContain("Loss per epoch", cut.Markup);
            Assert.DoesNotContain("Val acc", cut.Markup);
            Assert.Empty(cut.FindAll("[data-testid=stop-run]"));

            // Navigating away: the page goes; the next visit has nothing but the folder.
            await Context.DisposeComponentsAsync();
        }
    }

    [Fact]
    public async Task RunPage_TrainingRun_NeverShowsTheDenoiseView()
    {
        Runs.Finished("train-1", "cnn", [1.5, 1.2]);
        await IndexAsync();

        var cut = Context.Render<RunDetail>(p => p.Add(d => d.Id, "train-1"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=run-live]")), TimeSpan.FromSeconds(30));
        Assert.Empty(cut.FindComponents<DenoiseRunView>());
        Assert.Empty(cut.FindAll("[data-testid=denoise-run]"));
    }

    [Fact]
    public async Task RunsList_DenoiseRuns_ShowNormAlphaLrPsnrAndStepsNeverEpochs_AndAQueuedOneStopsFromTheList()
    {
        var done = Completed();
        var queued = Queue();
        Runs.Finished("train-1", "cnn", [1.5]);
        await IndexAsync();
        var psnr = RunDirectoryReader.Read(done.Path).Denoised!.PsnrOutput!.Value;
        Context.Render<MudPopoverProvider>();

        // All kinds: the training figures, and the denoising runs' PSNR; a denoising run has no epochs to count.
        var all = Context.Render<Hw4.Dashboard.Components.Pages.Runs.Runs>();
        all.WaitForAssertion(() => Assert.Equal(3, all.FindAll("tbody tr").Count), TimeSpan.FromSeconds(30));
        var doneInAll = all.FindAll("tbody tr").Single(r => r.TextContent.Contains(done.Id));
        Assert.Equal($"{psnr.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} dB", doneInAll.QuerySelector("[data-testid=cell-psnr]")!.TextContent.Trim());
        Assert.Equal("–", doneInAll.QuerySelector("[data-testid=cell-epochs]")!.TextContent.Trim());
        Assert.Contains("cell-missing", doneInAll.QuerySelector("[data-testid=cell-epochs]")!.ClassName);
        Assert.Equal("1/1", all.FindAll("tbody tr").Single(r => r.TextContent.Contains("train-1")).QuerySelector("[data-testid=cell-epochs]")!.TextContent.Trim());
        Assert.Contains("Val loss", all.Find("thead").TextContent);
        await Context.DisposeComponentsAsync();

        // The denoising list: its own columns, each sortable.
        Context.Render<MudPopoverProvider>();
        var navigation = Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("runs?kind=denoise");
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Runs.Runs>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count), TimeSpan.FromSeconds(30));
        var row = cut.FindAll("tbody tr").Single(r => r.TextContent.Contains(done.Id));
        Assert.Equal("L1", row.QuerySelector("[data-testid=cell-norm]")!.TextContent.Trim());
        Assert.Equal("0.8", row.QuerySelector("[data-testid=cell-alpha]")!.TextContent.Trim());
        Assert.Equal("0.3 (Gradient descent)", row.QuerySelector("[data-testid=cell-lr]")!.TextContent.Trim());
        Assert.Equal($"{psnr.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} dB", row.QuerySelector("[data-testid=cell-psnr]")!.TextContent.Trim());
        Assert.Equal("20/20", row.QuerySelector("[data-testid=cell-steps]")!.TextContent.Trim());
        Assert.Equal("0/20", cut.FindAll("tbody tr").Single(r => r.TextContent.Contains(queued.Id)).QuerySelector("[data-testid=cell-steps]")!.TextContent.Trim());
        Assert.DoesNotContain("Epochs", cut.Find("thead").TextContent);
        foreach (var column in new[] { "Norm", "Alpha", "LearningRate", "Psnr", "Steps" })
            Assert.NotNull(cut.Find($"[data-testid=sort-{column}]"));
        cut.Find("[data-testid=sort-Psnr]").Click();
        // Sorting goes through the address, so the list re-renders after the click (the default order, newest first,
        // puts the queued run first whenever it was created a second later).
        cut.WaitForAssertion(() => Assert.Equal(done.Id, cut.Instance.Items[0].Id), TimeSpan.FromSeconds(30));
        // Only the queued run can be stopped.
        Assert.Empty(cut.FindAll($"[data-testid=stop-{done.Id}]"));

        cut.Find($"[data-testid=stop-{queued.Id}]").Click();

        cut.WaitForAssertion(() => Assert.Contains($"Run '{queued.Id}' is stopped.", cut.Find("[data-testid=runs-message]").TextContent));
        Assert.Equal(RunStatus.Stopped, queued.ReadRun().Status);
    }
}
