using Bunit;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;
using HomePage = Hw4.Dashboard.Components.Pages.Home.Home;

namespace Hw4.Dashboard.Tests.Components.Pages.Home;

/// <summary>The home page over a real index: the recent runs of both kinds, and how long the homework's recipe takes here.</summary>
public sealed class HomePageTests : RunStoreBunitTest
{
    [Fact]
    public async Task Render_NoRunYet_SaysWhereTheTimeWillShowNeverShort()
    {
        await IndexAsync();

        var cut = Context.Render<HomePage>();

        var text = cut.Find("[data-testid=recipe-time]").TextContent;
        Assert.DoesNotContain("short", text);
        Assert.Contains("How long it takes here shows on the Train page", text);
    }

    [Fact]
    public async Task Render_ACnnRunAndADenoisingRun_MeasuredRecipeTimeAndEachRecentRunSaysWhatItIsAndWhatItGot()
    {
        // A CNN run of 10,000 training images at 10 s an epoch: the recipe's 15 × 45,000 images take 675 s.
        var cnn = Runs.Finished("20261201-100000-cnn-aaaa", "cnn", [1.4, 1.2], created: new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        cnn.Update(r => r with { TrainImages = 10_000 });
        var pixels = new byte[8 * 8 * 3];
        new Random(2).NextBytes(pixels);
        var denoise = DenoiseRecipe.Queue(ArtifactsDir, new DenoiseRunConfig { Options = new DenoiseOptions(DenoiseNorm.L1, DenoiseOptimizer.Gd, 0.3, 0.8, 10), Source = "tiny.png" },
            new RgbImage(8, 8, pixels), new RgbImage(8, 8, pixels.Select(p => (byte)(p / 2 + 60)).ToArray()), new FixedClock(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero)));
        Assert.Equal(Hw4.Ml.Lifecycle.RunStatus.Completed, DenoiseRecipe.Run(denoise, TorchSharp.torch.CPU).Status);
        await IndexAsync();

        var cut = Context.Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Contains("It takes about 11 min on this machine (measured on CNN · seed 0 · 2 ep: 1,000 img/s).",
            cut.Find("[data-testid=recipe-time]").TextContent), TimeSpan.FromSeconds(10));
        var rows = cut.FindAll("[data-testid=recent-runs] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        // Newest first: the denoising run by its name and norm, with its PSNR; never a model of "–".
        Assert.StartsWith("L1 · Gradient descent · α 0.8 · lr 0.3", rows[0][0]);
        Assert.Contains(denoise.Id, rows[0][0]);
        Assert.Equal("Denoise L1", rows[0][1]);
        Assert.EndsWith(" dB", rows[0][3]);
        Assert.StartsWith("CNN · seed 0 · 2 ep", rows[1][0]);
        Assert.Equal("CNN", rows[1][1]);
        Assert.DoesNotContain(rows, r => r[1] == "–");
    }

    // The queued run's clock: created the day after the CNN run, so it is the newest.
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
