using Bunit;
using Hw4.Dashboard.Components.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ComparePage = Hw4.Dashboard.Components.Pages.Compare.Compare;

namespace Hw4.Dashboard.Tests.Components.Pages.Compare;

/// <summary>The compare page over a real index of two fixture runs.</summary>
public sealed class CompareTests : RunStoreBunitTest
{
    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    private async Task TwoRunsAsync()
    {
        Runs.Finished("cnn-1", "cnn", [1.4, 1.2], [[5, 1, 0], [2, 2, 0], [0, 0, 4]], new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero));
        Runs.Finished("res-1", "residual", [1.3, 1.0, 1.1], [[6, 0, 0], [1, 3, 0], [0, 1, 3]], new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        await IndexAsync();
    }

    [Fact]
    public async Task Render_TwoRunsInQuery_BothRunsCurvesMetricsDeltaTableAndDifference()
    {
        await TwoRunsAsync();
        Navigation.NavigateTo("compare?runs=cnn-1,res-1");

        var cut = Context.Render<ComparePage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.Instance.Model.Rows.Count), TimeSpan.FromSeconds(30));
        // The charts render after the model is set (the seed groups are read in between): wait for them too.
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindComponents<LineChart>()), TimeSpan.FromSeconds(30));
        var lossChart = cut.FindComponents<LineChart>()[0].Instance;
        var chart = lossChart.Model;
        // Named by the runs' names (made from their settings), which a person reads; the ids stay in the addresses.
        Assert.Equal(["CNN · seed 0 · 2 ep val", "CNN · seed 0 · 2 ep train", "Residual · seed 0 · 3 ep val", "Residual · seed 0 · 3 ep train"], chart.Series.Select(s => s.Name));
        Assert.Equal([2, 2, 3, 3], Enumerable.Range(0, 4).Select(chart.Count));
        Assert.Equal([1.4, 1.2], chart.Points(0).Y);
        // Whole epochs on the axis: never a tick at 1.5.
        Assert.Equal(1, lossChart.XTickStep);
        Assert.Contains("Residual · seed 0 · 3 ep", cut.Find("[data-testid=compare-metrics]").TextContent);
        Assert.Equal(["cnn-1", "res-1"], cut.FindAll("[data-testid=compare-metrics] .run-id").Select(e => e.TextContent.Trim()));

        var table = cut.Find("[data-testid=delta-table]");
        Assert.Contains("Δ Residual · seed 0 · 3 ep (pp)", table.TextContent);
        var rows = table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        // cat 5/6 → 6/6 (+16.7 pp), dog 2/4 → 3/4 (+25.0), frog 4/4 → 3/4 (−25.0).
        Assert.Equal(["cat", "+16.7"], [rows[0][0], rows[0][2]]);
        Assert.Equal(["dog", "+25.0"], [rows[1][0], rows[1][2]]);
        Assert.Equal(["frog", "-25.0"], [rows[2][0], rows[2][2]]);

        var difference = cut.FindComponent<Heatmap>().Instance.Trace;
        Assert.Equal(["cat", "dog", "frog"], difference.X!.Cast<string>());
        Assert.Equal(0, difference.ZMid);

        // The delta bars take the table's colours: green where the run did better, red where worse.
        var bar = Assert.Single(cut.FindComponent<BarChart>().Instance.Traces);
        var colors = bar.Marker!.ColorArray!.Cast<string>().ToList();
        Assert.Equal(3, colors.Count);
        Assert.Equal(colors[0], colors[1]);
        Assert.NotEqual(colors[0], colors[2]);
        Assert.Equal(BarChart.SignColors([1, -1], darkMode: false), [colors[0], colors[2]]);
    }

    [Fact]
    public async Task Render_TwoRunsWithBatches_OverlaysEachRunsSmoothedBatchLossOnAnEpochAxis()
    {
        var first = Runs.Finished("cnn-1", "cnn", [1.4, 1.2], [[5, 1, 0], [2, 2, 0], [0, 0, 4]], new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero));
        var second = Runs.Finished("res-1", "residual", [1.3, 1.0, 1.1], [[6, 0, 0], [1, 3, 0], [0, 1, 3]], new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        // Two epochs of 4 batches for the first run; the second with 2 batches per epoch (another batch size) for 3 epochs.
        for (var e = 1; e <= 2; e++)
            for (var b = 1; b <= 4; b++)
                first.AppendMetric(new Hw4.Ml.Lifecycle.Events.BatchProgress("cnn-1", e, b, 4, ((e - 1) * 4) + b, 2.0 - (0.1 * b), 2.0, 100, null));
        for (var e = 1; e <= 3; e++)
            for (var b = 1; b <= 2; b++)
                second.AppendMetric(new Hw4.Ml.Lifecycle.Events.BatchProgress("res-1", e, b, 2, ((e - 1) * 2) + b, 1.5, 1.5, 100, null));
        await IndexAsync();
        Navigation.NavigateTo("compare?runs=cnn-1,res-1");

        var cut = Context.Render<ComparePage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Instance.Model.BatchChart), TimeSpan.FromSeconds(30));
        var batches = cut.Instance.Model.BatchChart!;
        Assert.Equal(["CNN · seed 0 · 2 ep", "Residual · seed 0 · 3 ep"], batches.Series.Select(s => s.Name));
        // x in epochs, so batch sizes line up: the first run ends at epoch 2 after 8 batches, the second at 3 after 6.
        Assert.Equal([0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2], batches.Points(0).X);
        Assert.Equal([0.5, 1, 1.5, 2, 2.5, 3], batches.Points(1).X);
        // Smoothed (debiased EMA): a constant loss stays that constant.
        Assert.All(batches.Points(1).Y, y => Assert.Equal(1.5, y, 9));
        // The model is set before the page renders it.
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindComponents<LineChart>().Count), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Picker_TrainingAndDenoisingRuns_OffersOnlyTheTrainingRuns()
    {
        await TwoRunsAsync();
        var (noisy, clean) = (new Hw4.Ml.Imaging.RgbImage(4, 4, new byte[48]), new Hw4.Ml.Imaging.RgbImage(4, 4, new byte[48]));
        Hw4.Ml.Recipes.DenoiseRecipe.Queue(ArtifactsDir, new Hw4.Ml.Runs.DenoiseRunConfig { Options = Hw4.Ml.Denoising.DenoisePresets.Best(Hw4.Ml.Denoising.DenoiseNorm.L1), Source = "tiny.png" },
            noisy, clean, TimeProvider.System);
        await IndexAsync();
        Navigation.NavigateTo("compare");

        var cut = Context.Render<ComparePage>();

        // A denoising run has no epochs, accuracy or confusion to compare ("no test accuracy" on every line of it).
        cut.WaitForAssertion(() => Assert.Equal(2, cut.Instance.AllRuns.Count), TimeSpan.FromSeconds(30));
        Assert.All(cut.Instance.AllRuns, r => Assert.Equal(Hw4.Ml.Runs.RunKinds.Train, r.Kind));
    }

    [Fact]
    public async Task Render_ARunOfASeedGroupAndAResidual_ShowsTheGroupsMeanAndStdAndMcNemar()
    {
        var recipe = Hw4.Ml.Recipes.HomeworkRecipe.Training(Hw4.Ml.Models.ModelKind.Cnn);
        var cnn0 = Runs.Completed("cnn-s0", recipe, [[4, 0, 0], [0, 4, 0], [0, 0, 4]]);
        Runs.Completed("cnn-s1", recipe with { Seed = 1 }, [[2, 2, 0], [0, 4, 0], [0, 0, 4]]);
        var residual = Runs.Completed("res-s0", recipe with { Model = Hw4.Ml.Models.ModelKind.Residual }, [[3, 1, 0], [0, 4, 0], [0, 0, 4]]);
        int[] truth = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2];
        cnn0.WritePredictions(new Hw4.Ml.Evaluation.TestPredictions(1, truth, truth));
        residual.WritePredictions(new Hw4.Ml.Evaluation.TestPredictions(1, truth, [0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2]));
        await IndexAsync();
        Navigation.NavigateTo("compare?runs=cnn-s0,res-s0");

        var cut = Context.Render<ComparePage>();

        // cnn-s0 is one of two seeds of its recipe: 100 % and 83.33 % → 91.67 ± 11.79 %.
        cut.WaitForAssertion(() => Assert.Contains("91.67 ± 11.79 %", cut.Find("[data-testid=seed-group-cnn-s0] [data-testid=group-accuracy]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        Assert.Contains("cnn-s1", cut.Find("[data-testid=seed-group-cnn-s0]").TextContent, StringComparison.Ordinal);
        // The residual has no second seed: no group of its own. McNemar: one image only the CNN gets right.
        Assert.Single(cut.FindAll(".seed-group"));
        var row = cut.Find("[data-testid=paired-test] tbody tr").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["cnn-s0 (0)", "res-s0 (0)", "11", "1", "0", "0", "1", "exact binomial (fewer than 25 discordant images)"], row);
    }

    [Fact]
    public async Task Render_OneUnknownIdInQuery_ComparesTheKnownOneAndNamesTheUnknownInANotice()
    {
        await TwoRunsAsync();
        Navigation.NavigateTo("compare?runs=cnn-1,no-such-run");

        var cut = Context.Render<ComparePage>();

        cut.WaitForAssertion(() => Assert.Single(cut.Instance.Model.Rows), TimeSpan.FromSeconds(30));
        Assert.Equal(["no-such-run"], cut.Instance.UnknownIds);
        Assert.Contains("No run has the id “no-such-run”", cut.Find("[data-testid=compare-unknown]").TextContent);
    }

    [Fact]
    public async Task Render_AllIdsKnown_ShowsNoNotice()
    {
        await TwoRunsAsync();
        Navigation.NavigateTo("compare?runs=cnn-1,res-1");

        var cut = Context.Render<ComparePage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.Instance.Model.Rows.Count), TimeSpan.FromSeconds(30));
        Assert.Empty(cut.FindAll("[data-testid=compare-unknown]"));
    }

    [Fact]
    public async Task CnnVsResidual_Click_PutsTheLatestFinishedPairInTheUrl()
    {
        await TwoRunsAsync();
        Runs.Finished("cnn-0", "cnn", [2.0], null, new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero));
        await IndexAsync();
        Navigation.NavigateTo("compare");
        var cut = Context.Render<ComparePage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Instance.LatestPair), TimeSpan.FromSeconds(30));
        cut.Find("[data-testid=cnn-vs-residual]").Click();

        Assert.EndsWith("compare?runs=cnn-1%2Cres-1", Navigation.Uri);
        cut.WaitForAssertion(() => Assert.Equal(["cnn-1", "res-1"], cut.Instance.SelectedIds), TimeSpan.FromSeconds(30));
    }
}
