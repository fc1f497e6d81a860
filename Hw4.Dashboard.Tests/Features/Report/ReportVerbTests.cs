using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hw4.Dashboard.Cli;
using Hw4.Dashboard.Features.Export;
using Hw4.Dashboard.Features.Report;
using Hw4.Dashboard.Tests.Cli;
using Hw4.Ml.Runs;

using Hw4.Dashboard.Tests.Features.Export;
using Hw4.Testing;

namespace Hw4.Dashboard.Tests.Features.Report;

[Trait("Category", "System")]
public sealed partial class ReportVerbTests(TinyHomeworkRuns runs) : IClassFixture<TinyHomeworkRuns>
{
    [Fact]
    public async Task Report_Html_HasEverySectionTheRunsAccuraciesTheirConfusionMatricesAndNoExternalUrl()
    {
        var path = Path.Combine(runs.Root, "report.html");

        var run = await CliRun.RunAsync("report", "--artifacts-dir", runs.Runs, "--data", runs.Data, "--format", "html", "--out", path, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var result = JsonDocument.Parse(run.LastStdoutLine).RootElement;
        Assert.Equal(runs.CnnId, result.GetProperty("cnn").GetString());
        Assert.Equal(runs.ResidualId, result.GetProperty("residual").GetString());
        Assert.Empty(result.GetProperty("missing").EnumerateArray());
        var html = File.ReadAllText(path);
        var at = HomeworkReportHtml.Headings.Select(h => html.IndexOf($"<h2>{h}</h2>", StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i >= 0));
        Assert.Equal(at.Order(), at);
        Assert.DoesNotContain(HomeworkReportHtml.NotRunYet, html, StringComparison.Ordinal);

        foreach (var (id, model) in new[] { (runs.CnnId, "cnn"), (runs.ResidualId, "residual") })
        {
            var evaluation = RunDirectory.Open(Path.Combine(runs.Runs, id)).ReadEvaluation()!;
            // The test accuracy as the export report and the CLI print it.
            Assert.Contains($"<td class=\"num test-accuracy\">{HtmlReport.Percent(evaluation.Accuracy)}</td>", html, StringComparison.Ordinal);
            // The confusion matrix of the checkpoint evaluation.json was made from, row by row.
            var table = Regex.Match(html, $"<table class=\"confusion\" id=\"confusion-{model}\">(?<t>.*?)</table>", RegexOptions.Singleline).Groups["t"].Value;
            var rows = Regex.Matches(table, "<tr><th>[^<]+</th>(?<cells>.*?)</tr>").Select(m => Regex.Matches(m.Groups["cells"].Value, "<td class=\"num\">(\\d+)</td>").Select(c => long.Parse(c.Groups[1].Value)).ToArray()).ToList();
            Assert.Equal(evaluation.ConfusionMatrix, rows);
            Assert.Contains($"Confusion matrix (epoch {evaluation.Epoch} checkpoint", html, StringComparison.Ordinal);
        }

        // The augmentation grid drew from the training images: one row per image, the original and six draws.
        Assert.Equal(HomeworkReportBuilder.AugmentedImages * (1 + HomeworkReportBuilder.AugmentationDraws), Regex.Matches(html, "alt=\"[a-z]+, (original|augmented)\"").Count);
        Assert.Contains("id=\"denoise-verdict\">Is L2 better or worse than L1? <b>", html, StringComparison.Ordinal);

        SelfContainedHtml.AssertNoExternalReference(html);
    }

    [Fact]
    public async Task Report_WithoutTheCnnRun_SaysNotRunYetWithTheHomeworkRecipe()
    {
        var folder = runs.RunsWithout(runs.CnnId);
        var path = Path.Combine(runs.Root, "no-cnn.html");

        var run = await CliRun.RunAsync("report", "--artifacts-dir", folder, "--data", runs.Data, "--format", "html", "--out", path, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        Assert.Equal(["Cnn"], JsonDocument.Parse(run.LastStdoutLine).RootElement.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        var html = File.ReadAllText(path);
        Assert.Contains("<p class=\"missing\" id=\"missing-cnn\">CNN: not run yet. The homework's recipe: dotnet run --project Hw4.Dashboard -c Release -- train --model cnn --epochs 15 --seed 0.</p>", html, StringComparison.Ordinal);
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
    public async Task Report_Pdf_IsPrintedByChromiumOnMoreThanOnePage()
    {
        Prerequisite.Chromium.Require();
        var path = Path.Combine(runs.Root, "report.pdf");

        var run = await CliRun.RunAsync("report", "--artifacts-dir", runs.Runs, "--data", runs.Data, "--format", "pdf", "--out", path);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var pdf = File.ReadAllBytes(path);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        // Page objects, not the /Pages tree node: one per section at least (each section starts a page).
        var pages = PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;
        Assert.True(pages >= HomeworkReportHtml.Headings.Count, $"the PDF has {pages} pages");
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

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();
}
