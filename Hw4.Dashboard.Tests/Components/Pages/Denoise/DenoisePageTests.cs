using Bunit;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Denoising;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using DenoisePage = Hw4.Dashboard.Components.Pages.Denoise.Denoise;

namespace Hw4.Dashboard.Tests.Components.Pages.Denoise;

/// <summary>The denoise page with a real queue but no worker: the test runs the queued jobs itself, in order.</summary>
public sealed class DenoisePageTests : MudBunitTest
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-denoise-page-").FullName;

    public DenoisePageTests()
    {
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddSingleton(Options.Create(new StreamingOptions()));
        Context.Services.AddSingleton(Options.Create(new QueueOptions()));
        Context.Services.AddSingleton<RunEventNotifier>();
        Context.Services.AddSignalR();
        Context.Services.AddSingleton<IRunEventExchange, LocalRunEventExchange>();
        Context.Services.AddSingleton<RunEventPump>();
        Context.Services.AddRunQueue();
        Context.Services.AddSingleton(new DeviceContext(TorchSharp.torch.CPU));
        // No shared parrots here: the test sets a tiny input itself.
        // The temp folder as the data folder: a search from /tmp upwards would find any /tmp/shared on the machine.
        Context.Services.AddSingleton(new DataLocator(_dir, []));
        // Small thresholds, so that a small crafted upload is "large" or over the cap.
        Context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hw4:Denoise:LargeImagePixels"] = "250000",
            ["Hw4:Denoise:MaxPixels"] = "1000000",
        }).Build());
        Context.Services.AddOptions<Hw4Options>().Configure(o => o.ArtifactsDir = ArtifactsDir);
        Context.Services.AddDenoising();
    }

    private string ArtifactsDir => Path.Combine(_dir, "runs");

    private static (RgbImage Noisy, RgbImage Clean) TinyImages()
    {
        var rng = new Random(3);
        var clean = new byte[16 * 16 * 3];
        for (var i = 0; i < clean.Length; i++)
            clean[i] = (byte)(i / 3 % 16 < 8 ? 60 : 200);
        var noisy = clean.Select(v => (byte)Math.Clamp(v + rng.Next(-40, 41), 0, 255)).ToArray();
        return (new RgbImage(16, 16, noisy), new RgbImage(16, 16, clean));
    }

    private IRenderedComponent<DenoisePage> RenderWithInput()
    {
        var cut = Context.Render<DenoisePage>();
        var (noisy, clean) = TinyImages();
        cut.InvokeAsync(() => cut.Instance.Session.SetInput(noisy, clean, "tiny"));
        return cut;
    }

    private async Task RunQueuedJobsAsync(int expected)
    {
        var queue = Context.Services.GetRequiredService<RunQueue>();
        // The submit's handler may still be on the renderer's thread.
        await WaitUntilAsync(() => queue.Waiting.Count >= expected);
        var jobs = queue.Waiting.Select(w => w.Job).ToList();
        Assert.Equal(expected, jobs.Count);
        // A diverged job ends itself (RunEnded diverged); the session holds the diverged outcome.
        foreach (var job in jobs)
            await Task.Run(() => job.RunAsync(CancellationToken.None));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(50);
    }

    [Fact]
    public async Task CompareNorms_BothRunsFinish_KeepsBothResultsBothCurvesAndAnswers()
    {
        var cut = RenderWithInput();

        cut.FindAll("button").Single(b => b.TextContent.Contains("L1 vs L2")).Click();
        await RunQueuedJobsAsync(expected: 2);

        cut.WaitForAssertion(() =>
        {
            Assert.Single(cut.FindAll("[data-testid=outcome-l1] img"));
            Assert.Single(cut.FindAll("[data-testid=outcome-l2] img"));
            Assert.Contains("L2 is", cut.Find("[data-testid=norm-comparison]").TextContent);
        });
        var session = cut.Instance.Session;
        // Each norm ran at its own best preset.
        Assert.Equal(DenoisePresets.Best(DenoiseNorm.L1).Lr, session.Outcomes[DenoiseNorm.L1].Options.Lr);
        Assert.Equal(DenoisePresets.Best(DenoiseNorm.L2).Lr, session.Outcomes[DenoiseNorm.L2].Options.Lr);
        // The L2 run did not wipe the L1 curve.
        Assert.True(session.LossCurves.Count(DenoiseSession.Trace(DenoiseNorm.L1)) > 0);
        Assert.True(session.LossCurves.Count(DenoiseSession.Trace(DenoiseNorm.L2)) > 0);
        Assert.True(session.PsnrCurves.Count(DenoiseSession.Trace(DenoiseNorm.L1)) > 0);
        Assert.True(session.PsnrCurves.Count(DenoiseSession.Trace(DenoiseNorm.L2)) > 0);
        Assert.Equal(NormComparison.Describe(session.Outcomes), cut.Find("[data-testid=norm-comparison]").TextContent.Trim());
    }

    [Fact]
    public async Task CompareNorms_LivePanel_MovesToL2OnlyWithItsPublishedStart_NeverSaysL2Queued()
    {
        // The notifier's pump runs here (registered for every test, started by this one), so the live panel hears the
        // runs' events as the page does on a server.
        var cut = RenderWithInput();
        var pump = Context.Services.GetRequiredService<RunEventPump>();
        await pump.StartAsync(CancellationToken.None);
        try
        {
            // The chip at every render. L2's job tells the tab it starts just before it publishes RunStarted: a panel that
            // moved to L2 on the job's word replayed a run still "queued" beside L2's first picture.
            var chips = new System.Collections.Concurrent.ConcurrentQueue<string>();
            cut.OnMarkupUpdated += (_, _) => chips.Enqueue(cut.Find("[data-testid=live-status]").TextContent.Trim());

            cut.FindAll("button").Single(b => b.TextContent.Contains("L1 vs L2")).Click();
            await RunQueuedJobsAsync(expected: 2);

            cut.WaitForAssertion(() => Assert.StartsWith("L2 · ", cut.Find("[data-testid=live-status]").TextContent.Trim()));
            cut.WaitForAssertion(() => Assert.DoesNotContain("queued", cut.Find("[data-testid=live-status]").TextContent));
            Assert.Contains(chips, c => c.StartsWith("L1 · ", StringComparison.Ordinal));
            Assert.DoesNotContain("L2 · queued", chips);
        }
        finally
        {
            await pump.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Start_L2AtSeedPreset_ShowsDivergedWithoutImage()
    {
        var cut = RenderWithInput();
        await cut.InvokeAsync(() =>
        {
            cut.Instance.Form.ApplyPreset("seed");
            cut.Instance.Form.SetNorm(DenoiseNorm.L2);
        });

        cut.Find("form").Submit();
        await RunQueuedJobsAsync(expected: 1);

        cut.WaitForAssertion(() =>
        {
            var card = cut.Find("[data-testid=outcome-l2]");
            Assert.Contains("Diverged at step", card.TextContent);
            Assert.Empty(card.QuerySelectorAll("img"));
        });
        Assert.Equal(0.9, cut.Instance.Session.Outcomes[DenoiseNorm.L2].Options.Lr);
    }

    [Fact]
    public async Task Sweep_FromThePage_HeatmapPerNormMarksDivergedCellsAndLoadsTheBestPointIntoTheForm()
    {
        var cut = RenderWithInput();
        await cut.InvokeAsync(() =>
        {
            cut.Instance.SweepInput.Alphas = "0.8, 1.5";
            // gd at lr 50 diverges for L2 (squared loss on the 0–255 scale).
            cut.Instance.SweepInput.Lrs = "0.01, 50";
            cut.Instance.SweepInput.Steps = 20;
        });

        cut.Find("[data-testid=start-sweep]").Click();
        await RunQueuedJobsAsync(expected: 1);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=load-best-l2]")), TimeSpan.FromSeconds(30));
        var sweep = cut.Instance.Sweep;
        Assert.Equal(8, sweep.Points.Count);
        Assert.Equal("8 points in", sweep.Outcome![..11]);
        var l2 = sweep.Heatmap(DenoiseNorm.L2)!;
        Assert.Equal(["0.01", "50"], l2.X);
        Assert.Equal(["0.8", "1.5"], l2.Y);
        Assert.All(l2.CellText, row => Assert.StartsWith("diverged<br>@", row[1]));
        // Off the PSNR scale, in a colour of their own.
        Assert.All(l2.Marked!, row => Assert.Equal([false, true], row));
        Assert.All(l2.CellText, row => Assert.Matches(@"^\d+\.\d\d$", row[0]));
        var best = sweep.Points.Where(p => p.Norm == DenoiseNorm.L2 && !p.Diverged).MaxBy(p => p.Psnr)!;

        cut.Find("[data-testid=load-best-l2]").Click();

        var form = cut.Instance.Form;
        Assert.Equal((DenoiseNorm.L2, best.Lr, best.Alpha, 20, "custom"), (form.Norm, form.Lr, form.Alpha, form.Steps, form.Preset));
    }

    [Fact]
    public void Sweep_WithoutCleanReference_SaysWhyAndQueuesNothing()
    {
        var cut = Context.Render<DenoisePage>();
        var (noisy, _) = TinyImages();
        cut.InvokeAsync(() => cut.Instance.Session.SetInput(noisy, null, "tiny"));

        cut.Find("[data-testid=start-sweep]").Click();

        cut.WaitForAssertion(() => Assert.Contains("clean reference", cut.Find("[data-testid=sweep-error]").TextContent));
        Assert.Equal(0, Context.Services.GetRequiredService<RunQueue>().Length);
    }
}
