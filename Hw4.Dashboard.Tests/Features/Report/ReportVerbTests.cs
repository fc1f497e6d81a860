using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;
using Hw4.Dashboard.Components.Report;
using Hw4.Dashboard.Features.Report;
using Hw4.Dashboard.Tests.Cli;
using Hw4.Dashboard.Tests.Features.Export;
using Hw4.Dashboard.Tests.Integration;
using Hw4.Ml.Runs;
using Hw4.Testing;

namespace Hw4.Dashboard.Tests.Features.Report;

[Trait("Category", "System")]
[Collection(TinyHomeworkCollection.Name)]
public sealed partial class ReportVerbTests(TinyHomeworkRuns runs)
{
    private async Task<string> HtmlAsync(string name, params string[] extra)
    {
        var path = Path.Combine(runs.Root, name);
        var run = await CliRun.RunAsync(["report", "--artifacts-dir", runs.Runs, "--data", runs.Data, "--format", "html", "--out", path, .. extra]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        return File.ReadAllText(path);
    }

    [Fact]
    public async Task Report_Html_HasEverySectionTheRunsAccuraciesTheirConfusionMatricesAndNoExternalUrl()
    {
        var path = Path.Combine(runs.Root, "report.html");

        var run = await CliRun.RunAsync("report", "--artifacts-dir", runs.Runs, "--data", runs.Data, "--format", "html", "--out", path, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var result = JsonDocument.Parse(run.LastStdoutLine).RootElement;
        Assert.Equal(runs.CnnId, result.GetProperty("runs").GetProperty("cnn").GetString());
        Assert.Equal(runs.ResidualId, result.GetProperty("runs").GetProperty("residual").GetString());
        Assert.Equal(runs.DenoiseIds[("l1", "gd")], result.GetProperty("runs").GetProperty("l1").GetString());
        Assert.Equal(runs.DenoiseIds[("l2", "seed")], result.GetProperty("runs").GetProperty("seed-l2").GetString());
        Assert.Empty(result.GetProperty("missing").EnumerateArray());
        var html = File.ReadAllText(path);
        var at = HomeworkReportDocument.Headings.Select(h => html.IndexOf($">{h}</h2>", StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i >= 0));
        Assert.Equal(at.Order(), at);
        Assert.DoesNotContain(ReportText.NotRunYet, html, StringComparison.Ordinal);
        // One main landmark holding the report.
        Assert.Single(Regex.Matches(html, "<main[ >]"));

        foreach (var (id, model) in new[] { (runs.CnnId, "cnn"), (runs.ResidualId, "residual") })
        {
            var evaluation = RunDirectory.Open(Path.Combine(runs.Runs, id)).ReadEvaluation()!;
            Assert.Contains($"<td class=\"num test-accuracy\">{ReportText.Percent(evaluation.Accuracy)}</td>", html, StringComparison.Ordinal);
            // The confusion matrix of the checkpoint evaluation.json was made from, row by row, as a table and as a heatmap.
            var table = Regex.Match(html, $"<table class=\"hw4-table confusion\" id=\"confusion-{model}\">(?<t>.*?)</table>", RegexOptions.Singleline).Groups["t"].Value;
            var rows = Regex.Matches(table, "<tr><th scope=\"row\">[^<]+</th>(?<cells>.*?)</tr>")
                .Select(m => Regex.Matches(m.Groups["cells"].Value, "<td class=\"num\">(\\d+)</td>").Select(c => long.Parse(c.Groups[1].Value)).ToArray()).ToList();
            Assert.Equal(evaluation.ConfusionMatrix, rows);
            Assert.Contains($"data-chart=\"chart-confusion-{model}\"", html, StringComparison.Ordinal);
        }

        // The augmentation grid drew from the training images: one row per image, the original and six draws.
        Assert.Equal(HomeworkReportBuilder.AugmentedImages * (1 + HomeworkReportBuilder.AugmentationDraws), Regex.Matches(html, "alt=\"[a-z]+, (original|augmented)\"").Count);
        SelfContainedHtml.AssertNoExternalReference(html);
    }

    [Fact]
    public async Task Report_Html_EmbedsTheCartesianPlotlyBundleAndStaysUnderFourMegabytes()
    {
        var html = await HtmlAsync("size.html");

        // The bundle the dashboard serves, not Plotly.Blazor's full one (maps and 3-D, 4.9 MB).
        Assert.Contains($"plotly.js (cartesian - minified) v{Hw4.Dashboard.Hosting.PlotlyBundle.PlotlyJsVersion}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"* plotly.js v{Hw4.Dashboard.Hosting.PlotlyBundle.PlotlyJsVersion}", html, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(html) < 4_000_000, $"{Encoding.UTF8.GetByteCount(html):N0} bytes");
    }

    [Fact]
    public async Task Report_Denoising_GradientDescentAnswersL1AgainstL2AndTheSeedsL2Diverges()
    {
        var raw = await HtmlAsync("denoise.html");
        var html = WebUtility.HtmlDecode(raw);
        var l1 = RunDirectoryReader.Read(Path.Combine(runs.Runs, runs.DenoiseIds[("l1", "gd")]));
        var l2 = RunDirectoryReader.Read(Path.Combine(runs.Runs, runs.DenoiseIds[("l2", "gd")]));
        var seedL2 = RunDirectoryReader.Read(Path.Combine(runs.Runs, runs.DenoiseIds[("l2", "seed")]));

        // The homework's method: both norms by gradient descent, each with its PSNR.
        Assert.Matches(new Regex($"data-testid=\"denoise-l1\">.*?{runs.DenoiseIds[("l1", "gd")]}.*?>gd<.*?{Regex.Escape(ReportText.Psnr(l1.DenoisePsnr))}", RegexOptions.Singleline), html);
        Assert.Matches(new Regex($"data-testid=\"denoise-l2\">.*?{runs.DenoiseIds[("l2", "gd")]}.*?>gd<.*?{Regex.Escape(ReportText.Psnr(l2.DenoisePsnr))}", RegexOptions.Singleline), html);
        var word = l2.DenoisePsnr > l1.DenoisePsnr ? "better" : "worse";
        Assert.Contains($"id=\"denoise-verdict\">L2 is {word} than L1: with gradient descent", html, StringComparison.Ordinal);
        // The seed's setting: L2 diverges, at the step its run recorded, and the report says why.
        Assert.NotNull(seedL2.Divergence);
        Assert.Contains($"With the seed's setting L2 diverged at step {seedL2.Divergence!.Batch} (exit 3).", html, StringComparison.Ordinal);
        Assert.Contains("gradient descent is stable only for lr < 1/(1 + 8α) = 0.077", html, StringComparison.Ordinal);
        // The curves have every step of each run, and the x axis spans the whole run.
        var loss = Figure(raw, "chart-denoise-loss");
        var l1Trace = loss.GetProperty("data").EnumerateArray().First(t => t.GetProperty("name").GetString() == "L1, gradient descent");
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (double)i), l1Trace.GetProperty("x").EnumerateArray().Select(x => x.GetDouble()));
        Assert.Equal([0, 200], loss.GetProperty("layout").GetProperty("xaxis").GetProperty("range").EnumerateArray().Select(x => x.GetDouble()));
    }

    [Fact]
    public async Task Report_TinyRuns_AreMarkedAsNotTheRecipeWithWhatDiffers()
    {
        var html = WebUtility.HtmlDecode(await HtmlAsync("recipe.html"));

        foreach (var (key, id) in new[] { ("cnn", runs.CnnId), ("residual", runs.ResidualId) })
        {
            Assert.Contains($"data-testid=\"off-recipe-summary-{key}\">", html, StringComparison.Ordinal);
            Assert.Contains($"data-testid=\"off-recipe-{key}\"><strong>{(key == "cnn" ? "CNN" : "Residual")} run {id} is not the homework's settings:</strong> "
                + "epochs 2, not 15; lr 0.002, not 0.0001; batch size 8, not 64; validation images 6, not 5,000.", html, StringComparison.Ordinal);
        }

        // The denoising runs are their presets exactly: no mark.
        Assert.DoesNotContain("data-testid=\"off-recipe-l1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_SeedsColumn_ShowsTheSeedHomeworksFiguresWithTheDifference()
    {
        var html = WebUtility.HtmlDecode(await HtmlAsync("seed.html"));
        var cnn = RunDirectory.Open(Path.Combine(runs.Runs, runs.CnnId)).ReadEvaluation()!;

        Assert.Contains($"<td class=\"num\">{ReportText.Percent(cnn.Accuracy)}</td><td class=\"num\">61.3 %</td><td class=\"num\">{ReportText.Points(cnn.Accuracy - 0.613)}</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">63.5 %</td>", html, StringComparison.Ordinal);
        // Per class: the seed's figure and the difference beside ours (airplane 0.671, cat 0.342, ship 0.794).
        foreach (var (cls, seed) in new[] { ("airplane", 0.671), ("cat", 0.342), ("ship", 0.794) })
        {
            var ours = cnn.PerClassAccuracy[cls];
            Assert.Contains($"<tr><td>{cls}</td><td class=\"num\">{ReportText.Percent(ours)}</td><td class=\"num\">{ReportText.SeedPercent(seed)}</td><td class=\"num\">{ReportText.Points(ours - seed)}</td></tr>", html, StringComparison.Ordinal);
        }

        Assert.Contains("2 (14)", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">not better</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_SeedGroups_ShowMeanAndStdOverBothSeedsAndMcNemarWithItsCounts()
    {
        var html = Regex.Replace(WebUtility.HtmlDecode(await HtmlAsync("groups.html")), @">\s+<", "><");
        var accuracies = runs.CnnIds.Select(id => RunDirectory.Open(Path.Combine(runs.Runs, id)).ReadEvaluation()!.Accuracy).ToList();
        var mean = accuracies.Average();
        var std = Math.Sqrt(accuracies.Sum(a => (a - mean) * (a - mean)) / (accuracies.Count - 1));

        var group = Regex.Match(html, "data-testid=\"seed-group-cnn\"[^>]*>(?<g>.*?)</div>", RegexOptions.Singleline).Groups["g"].Value;
        foreach (var id in runs.CnnIds)
            Assert.Contains(id, group, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"group-accuracy\">{ReportText.MeanStd(new Hw4.Ml.Evaluation.MeanStd(mean, std, 2))}</td>", group, StringComparison.Ordinal);

        // McNemar on the chosen pair: the counts add up to the test images, and the method is named.
        var first = Hw4.Ml.Evaluation.McNemarTest.Compare(
            RunDirectory.Open(Path.Combine(runs.Runs, runs.CnnId)).ReadPredictions()!, RunDirectory.Open(Path.Combine(runs.Runs, runs.ResidualId)).ReadPredictions()!);
        Assert.Equal(first.Images, first.BothRight + first.FirstOnly + first.SecondOnly + first.BothWrong);
        Assert.Contains($"<td>{runs.CnnId} (1)</td><td>{runs.ResidualId} (1)</td><td class=\"num\">{first.BothRight}</td><td class=\"num\">{first.FirstOnly}</td><td class=\"num\">{first.SecondOnly}</td><td class=\"num\">{first.BothWrong}</td><td class=\"num\" data-testid=\"p-value\">{ReportText.PValue(first.PValue)}</td><td>{ReportText.Method(first.Method)}", html, StringComparison.Ordinal);
        // Each seed both groups share is paired too: seed 0 after the chosen pair.
        Assert.Contains($"<td>{runs.CnnIds[0]} (0)</td><td>{runs.ResidualIds[0]} (0)</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_AskedRuns_AreTheOnesUsedAndTheWholeReportCommandNamesThem()
    {
        var html = WebUtility.HtmlDecode(await HtmlAsync("asked.html", "--cnn", runs.CnnIds[0], "--residual", runs.ResidualIds[0]));

        Assert.Contains($"2 CNN test accuracy (run {runs.CnnIds[0]}, seed 0)", html, StringComparison.Ordinal);
        Assert.Contains($"--cnn {runs.CnnIds[0]}", html, StringComparison.Ordinal);
        Assert.Contains($"--residual {runs.ResidualIds[0]}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithoutTheCnnRuns_SaysNotRunYetWithTheHomeworkRecipe()
    {
        var folder = runs.RunsWithout([.. runs.CnnIds]);
        var path = Path.Combine(runs.Root, "no-cnn.html");

        var run = await CliRun.RunAsync("report", "--artifacts-dir", folder, "--data", runs.Data, "--format", "html", "--out", path, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        Assert.Equal(["cnn"], JsonDocument.Parse(run.LastStdoutLine).RootElement.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        var html = WebUtility.HtmlDecode(File.ReadAllText(path));
        Assert.Contains($"id=\"missing-cnn\">CNN: not run yet. The homework's recipe: <code>{CliCommandLine.Program} train --data ", html, StringComparison.Ordinal);
        Assert.Contains("--model cnn --epochs 15 --batch-size 64 --lr 0.0001 --seed 0 --val-size 5000</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"missing-residual\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownCnnRun_Exits2NamingIt()
    {
        var path = Path.Combine(runs.Root, "x.html");

        var run = await CliRun.RunAsync("report", "--artifacts-dir", runs.Runs, "--cnn", "no-such-run", "--format", "html", "--out", path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error: run no-such-run: no such run", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Report_ResidualRunAsCnn_Exits2SayingItDoesNotFit()
    {
        var run = await CliRun.RunAsync("report", "--artifacts-dir", runs.Runs, "--cnn", runs.ResidualId, "--format", "html", "--out", Path.Combine(runs.Root, "y.html"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: run {runs.ResidualId}: not a run for 2 CNN.", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Report_Markdown_HoldsTheGlanceTableSeedGroupsAndTheConfusedImagesBesideIt()
    {
        var path = Path.Combine(runs.Root, "md", "results.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        var run = await CliRun.RunAsync("report", "--artifacts-dir", runs.Runs, "--data", runs.Data, "--format", "md", "--out", path);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var md = File.ReadAllText(path);
        Assert.Contains("| Figure | Ours | The seed homework's | Difference |", md, StringComparison.Ordinal);
        Assert.Contains("| 1.2 Is L2 better than L1? |", md, StringComparison.Ordinal);
        Assert.Contains("### CNN: 2 seeds", md, StringComparison.Ordinal);
        // Every image the Markdown names is there, beside it.
        var images = Regex.Matches(md, @"\]\((?<p>results/[^)]+\.png)\)").Select(m => m.Groups["p"].Value).ToList();
        Assert.NotEmpty(images);
        Assert.All(images, p => Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, p)), p));
    }

    [Fact]
    public async Task Report_Pdf_FirstPageHoldsTheGlanceTableAndEveryPageSaysPageNOfM()
    {
        Prerequisite.Chromium.Require();
        Prerequisite.PdfToText.Require();
        var path = Path.Combine(runs.Root, "report.pdf");

        var run = await CliRun.RunAsync("report", "--artifacts-dir", runs.Runs, "--data", runs.Data, "--format", "pdf", "--out", path);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var pdf = File.ReadAllBytes(path);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var pages = PdfText(path).Split('\f').Where(p => p.Trim().Length > 0).ToList();
        Assert.True(pages.Count > HomeworkReportDocument.Headings.Count, $"the PDF has {pages.Count} pages");
        Assert.Contains("At a glance", pages[0], StringComparison.Ordinal);
        Assert.Contains("1.2 Is L2 better than L1?", pages[0], StringComparison.Ordinal);
        for (var i = 0; i < pages.Count; i++)
            Assert.Contains($"page {i + 1} of {pages.Count}", pages[i], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_PdfWithoutChromium_Exits2NamingThePath()
    {
        var path = Path.Combine(runs.Root, "none.pdf");
        var chromium = Path.Combine(runs.Root, "no-chromium");

        var run = await CliRun.RunAsync("report", "--artifacts-dir", runs.Runs, "--format", "pdf", "--chromium", chromium, "--out", path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"error: {chromium}: no Chromium there", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    private static JsonElement Figure(string html, string id)
    {
        var json = Regex.Match(html, $"<script type=\"application/json\" class=\"hw4-figure\" data-chart=\"{id}\">(?<j>.*?)</script>", RegexOptions.Singleline).Groups["j"].Value;
        return JsonDocument.Parse(json).RootElement;
    }

    // The PDF's text, pages separated by form feeds, by poppler's pdftotext (.ci/run installs poppler-utils).
    private static string PdfText(string pdf)
    {
        using var process = Process.Start(new ProcessStartInfo(Prerequisite.PdfToTextPath, ["-layout", pdf, "-"]) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
