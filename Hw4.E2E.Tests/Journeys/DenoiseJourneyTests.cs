using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hw4.E2E.Tests.Infrastructure;
using Hw4.Ml.Imaging;
using Hw4.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hw4.E2E.Tests.Journeys;

/// <summary>
/// The Denoise page on a 96×96 crop of the shared parrots (noisy and clean, the same crop), given to the server as its
/// data folder: a run's preview and PSNR move while it runs, and the before/after slider moves the divider.
/// </summary>
[Trait("Category", "System")]
public sealed partial class DenoiseJourneyTests(ITestOutputHelper output) : Journey(output), IDisposable
{
    private const int Size = 96;

    // At every change of the page while the run goes: the preview's source (its length and tail tell two PNGs apart) and the live line.
    private static readonly string RecordSamples = RecordOnEveryChange("__samples", """
        const img = document.querySelector('[data-testid=preview]');
        const live = document.querySelector('[data-testid=live-text]');
        const src = img ? img.getAttribute('src') : '';
        return { preview: src.length + ':' + src.slice(-40), live: live ? live.textContent : '' };
        """);

    private readonly string _data = MakeDataDir();

    /// <inheritdoc />
    protected override string[] Settings => ["--Hw4:DataDir", _data];

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Run_PreviewChangesAndPsnrRisesWhileItRuns_SliderMovesTheBeforeAfterDivider()
    {
        var page = await OpenAsync("/denoise");
        // The shared parrots are loaded by themselves: the crop, with its clean reference.
        await Expect(page.ByTestId("image-size")).ToContainTextAsync($"{Size}");
        await Expect(page.ByTestId("preview")).ToBeVisibleAsync();
        // Enough steps, previewed often, that the run lasts seconds (previews are sent at most every 250 ms): about 5 s by
        // the page's own measured time per step, whatever this machine's speed and load.
        var steps = await StepsForAsync(page, seconds: 5);
        // Gradient descent at L1's stable lr 0.1 (the gd preset): the PSNR climbs all the way. At the seed's lr 0.9 it
        // peaks within a few steps and then falls (27.7 dB at step 200), so a loaded machine's first reading came late,
        // after the peak, and the PSNR "fell" (seen under stress-ng).
        await page.TypeIntoAsync("lr", "0.1");
        await Expect(page.Field("lr")).ToHaveValueAsync("0.1");
        await page.TypeIntoAsync("steps", steps.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Field("steps")).ToHaveValueAsync(steps.ToString(CultureInfo.InvariantCulture));
        await page.TypeIntoAsync("preview-every", "5");
        await Expect(page.Field("preview-every")).ToHaveValueAsync("5");
        await page.Field("preview-every").PressAsync("Tab");
        await page.EvaluateAsync(RecordSamples);
        await page.ByTestId("start-denoise").ClickAsync();

        // Finished: the before/after panel shows the output.
        await Expect(page.ByTestId("before-after")).ToBeVisibleAsync(new() { Timeout = 300_000 });
        await Expect(page.ByTestId("live-text")).ToContainTextAsync($"step {steps}/{steps}");
        var samples = await page.EvaluateJsonAsync<Sample[]>("() => JSON.stringify(window.__samples)");
        var running = samples.Where(s => Step(s.Live) is { } step && step < steps).ToList();
        // The preview showed the input, then at least two different estimates while the run went.
        var previews = running.Select(s => s.Preview).Distinct().ToList();
        Assert.True(previews.Count >= 3, $"previews seen while running: {previews.Count} ({running.Count} samples)");
        // The PSNR shown changed while it ran (several readings), and the result's is above the noisy input's, as the
        // outcome card says them ("PSNR 20.20 → 27.71 dB"). Not above the first reading: under load the first one can
        // come after the peak, which a long run at lr 0.1 passes on this crop (seen under stress-ng: 33.35 falling to 32.94).
        var psnr = samples.Select(s => Psnr(s.Live)).OfType<double>().Distinct().ToList();
        Assert.True(psnr.Count >= 3, $"PSNR readings: {string.Join(", ", psnr)}");
        var final = Psnr(await page.ByTestId("live-text").InnerTextAsync());
        var card = await page.ByTestId("outcome-l1").InnerTextAsync();
        var input = InputPsnrPattern().Match(card) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        Assert.True(final > input + 0.5, $"PSNR of the result {final} against the input's {input} ({card}; readings: {string.Join(", ", psnr)})");

        // The slider moves the divider: the output's clip follows it to either end.
        var after = page.ByTestId("after-image");
        var clip = await after.GetAttributeAsync("style");
        Assert.Contains("inset(0 50% 0 0)", clip);
        var slider = page.Locator("[data-testid=before-after-slider] input[type=range], input[type=range][data-testid=before-after-slider]").First;
        await slider.FocusAsync();
        await slider.PressAsync("Home");
        await Expect(after).ToHaveAttributeAsync("style", new Regex(@"inset\(0 100% 0 0\)"));
        // What the browser applies, not only the attribute: at the left end none of the output shows, at the right all.
        await Expect(after).ToHaveCSSAsync("clip-path", new Regex(@"inset\(0px 100% 0px 0px\)"));
        await slider.PressAsync("End");
        await Expect(after).ToHaveAttributeAsync("style", new Regex(@"inset\(0 0% 0 0\)"));
        await Expect(after).ToHaveCSSAsync("clip-path", new Regex(@"inset\(0px( 0%| 0px)*\)"));
    }

    // At every change of the page while L1 vs L2 goes (not on a timer: on a fast machine a 35-step L1 run on the test
    // image is over between two ticks): the live chip and the caption of the picture beside it.
    private static readonly string RecordChipAndCaption = RecordOnEveryChange("__pairs", """
        const chip = document.querySelector('[data-testid=live-status]');
        const caption = document.querySelector('[data-testid=preview-caption]');
        return { chip: chip ? chip.textContent.trim() : '', caption: caption ? caption.textContent.trim() : '' };
        """);

    // A script that pushes sample() (a function body returning one record) onto window[list] now and at every change
    // of the page: a timer can miss a state that a fast machine shows for less than its period.
    private static string RecordOnEveryChange(string list, string sample) => $$"""
        () => { window.{{list}} = [];
          const record = () => window.{{list}}.push((() => { {{sample}} })());
          new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
          record(); }
        """;

    [Fact]
    public async Task CompareNorms_WhileAndAfter_ChipAndPictureNameTheSameNormCurvesDenseOnTheirOwnAxesSliderShowsEachResultStopGoesGrey()
    {
        var page = await OpenAsync("/denoise");
        await Expect(page.ByTestId("image-size")).ToContainTextAsync($"{Size}");
        await page.WaitForChartsAsync();
        // Before any run the curves are empty: no axes with meaningless ranges, a sentence instead.
        var loss = page.Locator("figure.chart-host", new() { Has = page.Locator("figcaption", new() { HasTextRegex = new Regex("^Loss\\.") }) }).Locator(".js-plotly-plot");
        Assert.False(await loss.EvaluateAsync<bool>("el => el._fullLayout.xaxis.visible"), "an empty loss chart shows an x axis");
        await Expect(loss).ToContainTextAsync("The loss of each run shows here as it runs.");

        await page.EvaluateAsync(RecordChipAndCaption);
        await page.GetByRole(AriaRole.Button, new() { Name = "L1 vs L2" }).ClickAsync();
        await Expect(page.ByTestId("norm-comparison")).ToBeVisibleAsync(new() { Timeout = 300_000 });

        // Once both ended, Stop has nothing to stop.
        await Expect(page.ByTestId("stop-denoise")).ToBeDisabledAsync();
        // The chip and the picture always spoke of the same norm (and did say which).
        var pairs = await page.EvaluateJsonAsync<Pair[]>("() => JSON.stringify(window.__pairs)");
        // L2 runs second, so its state is on the page at the end; L1's 35 steps on the 96-px crop can be over before the
        // page's next render on a fast machine, so L1 is not required to have been on screen, only to agree with its
        // picture whenever it was. The panel moves to L2 when L2's start is published, never to L2 still waiting (it
        // once followed L2 from the click on, "L2 · queued" while L1 ran).
        Assert.DoesNotContain(pairs, p => p.Chip == "L2 · queued");
        var named = pairs.Where(p => NormOf(p.Chip) is not null && NormOf(p.Caption) is not null).ToList();
        Assert.Contains(named, p => NormOf(p.Chip) == "L2");
        Assert.All(named, p => Assert.Equal(NormOf(p.Chip), NormOf(p.Caption)));
        // Each norm's loss curve has a point per step of its run (35 and 20), L2 against the right-hand axis.
        var traces = await loss.EvaluateAsync<string>("el => JSON.stringify(el.data.map(t => ({ name: t.name, n: t.x.length, axis: t.yaxis || 'y' })))");
        var curves = JsonSerializer.Deserialize<Curve[]>(traces, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(("L1", 35, "y"), (curves[0].Name, curves[0].N, curves[0].Axis));
        Assert.Equal(("L2", 20, "y2"), (curves[1].Name, curves[1].N, curves[1].Axis));

        // The before/after panel shows either result: each is the image of its own card.
        var after = page.ByTestId("after-image");
        var l1 = await page.ByTestId("outcome-l1").Locator("img").GetAttributeAsync("src");
        var l2 = await page.ByTestId("outcome-l2").Locator("img").GetAttributeAsync("src");
        Assert.NotEqual(l1, l2);
        var toggle = page.ByTestId("before-after-norm");
        await toggle.Locator("[data-testid=show-l1]").ClickAsync();
        await Expect(after).ToHaveAttributeAsync("src", l1!);
        await Expect(page.ByTestId("before-after-shows")).ToContainTextAsync("L1");
        await toggle.Locator("[data-testid=show-l2]").ClickAsync();
        await Expect(after).ToHaveAttributeAsync("src", l2!);
        await Expect(page.ByTestId("before-after-shows")).ToContainTextAsync("L2");
        // The slider is named for screen readers, and the cards spell the optimizer as the form does.
        var slider = page.Locator("[data-testid=before-after-slider] input[type=range], input[type=range][data-testid=before-after-slider]").First;
        Assert.Contains("Divider", await slider.GetAttributeAsync("aria-label"));
        await Expect(page.ByTestId("outcome-l1")).ToContainTextAsync("Primal-dual");
        await Expect(page.ByTestId("outcome-l1")).Not.ToContainTextAsync("PrimalDual");
    }

    [Fact]
    public async Task Sweep_GridWithADivergedCell_CategoryAxesARedCellWithItsStepAStatusOfHowManyAndHowLong()
    {
        var page = await OpenAsync("/denoise");
        await Expect(page.ByTestId("image-size")).ToContainTextAsync($"{Size}");
        // Gradient descent (the form's optimizer at the seed preset): lr 0.9 makes L2 diverge, as the homework found.
        await page.Field("sweep-alphas").FillAsync("1.5");
        await page.Field("sweep-lrs").FillAsync("0.01, 0.05, 0.9");
        var stepsField = page.ByTestId("sweep").Locator("input").Nth(2);
        await stepsField.FillAsync("20");
        await stepsField.PressAsync("Tab");
        await page.ByTestId("start-sweep").ClickAsync();

        // The status counts the points out of the whole grid (2 norms × 1 α × 3 lr): while it runs, or, as the tiny sweep
        // can end within the first poll (0.4 s here), once it is done.
        await Expect(page.ByTestId("sweep-status")).ToContainTextAsync(new Regex(@"(Queued: 6 points|\d of 6 points|^6 points in)"));
        await Expect(page.ByTestId("sweep-status")).ToContainTextAsync("6 points in", new() { Timeout = 300_000 });

        var l2 = page.ByTestId("sweep-l2");
        await page.WaitForChartsAsync();
        var plot = l2.Locator(".js-plotly-plot").First;
        // Categories: the three learning rates get equal cells whatever their values.
        Assert.Equal("category", await plot.EvaluateAsync<string>("el => el._fullLayout.xaxis.type"));
        Assert.Equal("category", await plot.EvaluateAsync<string>("el => el._fullLayout.yaxis.type"));
        var map = await l2.HeatmapAsync();
        Assert.Equal(["0.01", "0.05", "0.9"], map.X);
        // The diverged cell is off the PSNR scale (no value there) and drawn in a colour of its own, with its step.
        Assert.Null(map.Z[0][2]);
        var marked = await plot.EvaluateAsync<string>("el => JSON.stringify(el.data.filter(t => t.type === 'heatmap')[1] ? { z: el.data[1].z, text: el.data[1].text } : null)");
        Assert.Contains("diverged", marked);
        Assert.Matches(@"""z"":\[\[null,null,1\]\]", marked);
        // Words keep their letters: "α" stays α, never the capital "Α" of an upper-cased button.
        var load = page.ByTestId("load-best-l1");
        Assert.Contains("α", await load.InnerTextAsync());
    }

    private static string? NormOf(string text) => Regex.Match(text, @"^(L1|L2)\b") is { Success: true } m ? m.Value : null;

    private sealed record Pair(string Chip, string Caption);

    private sealed record Curve(string Name, int N, string Axis);

    // The estimate line reads "…; this run ≈ 12.3 ms (measured)." for the steps in the form.
    private static async Task<int> StepsForAsync(IPage page, double seconds)
    {
        await Expect(page.ByTestId("step-estimate")).ToContainTextAsync("this run", new() { Timeout = 60_000 });
        var text = await page.ByTestId("step-estimate").InnerTextAsync();
        var m = Regex.Match(text, @"this run ≈ (\d+(?:\.\d+)?) (ms|s)\b");
        Assert.True(m.Success, $"no run time in the estimate: {text}");
        var runSeconds = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / (m.Groups[2].Value == "ms" ? 1000 : 1);
        var formSteps = int.Parse(await page.Field("steps").InputValueAsync(), CultureInfo.InvariantCulture);
        return (int)Math.Clamp(Math.Ceiling(formSteps * seconds / Math.Max(runSeconds, 1e-6)), 500, 100_000);
    }

    private static int? Step(string live) => StepPattern().Match(live) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static double? Psnr(string live) => PsnrPattern().Match(live) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"step (\d+)/")]
    private static partial Regex StepPattern();

    [GeneratedRegex(@"PSNR (-?\d+(?:\.\d+)?) dB")]
    private static partial Regex PsnrPattern();

    [GeneratedRegex(@"PSNR (-?\d+(?:\.\d+)?) →")]
    private static partial Regex InputPsnrPattern();

    // images/parrots-noisy.png and parrots-clean.png: the same 96×96 crop of the shared pair (skipped without it).
    private static string MakeDataDir()
    {
        var noisy = SharedData.Require(SharedData.NoisyParrots);
        var clean = SharedData.Require(SharedData.CleanParrots);
        var dir = Directory.CreateTempSubdirectory("hw4-e2e-denoise-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "images"));
        ImageFile.Save(Crop(ImageFile.Load(noisy)), Path.Combine(dir, "images", "parrots-noisy.png"));
        ImageFile.Save(Crop(ImageFile.Load(clean)), Path.Combine(dir, "images", "parrots-clean.png"));
        return dir;
    }

    // From the middle of the picture, where the parrots' feathers give the estimate something to change.
    private static RgbImage Crop(RgbImage image)
    {
        var (left, top) = ((image.Width - Size) / 2, (image.Height - Size) / 2);
        var pixels = new byte[Size * Size * 3];
        for (var y = 0; y < Size; y++)
            Array.Copy(image.Pixels, (((top + y) * image.Width) + left) * 3, pixels, y * Size * 3, Size * 3);
        return new RgbImage(Size, Size, pixels);
    }

    private sealed record Sample(string Preview, string Live);
}
