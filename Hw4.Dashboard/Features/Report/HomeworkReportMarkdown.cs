using System.Globalization;
using System.Text;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Features.Models;
using Hw4.Ml.IO;
using Hw4.Ml.Models;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// The homework report as Markdown (the repository's docs/results.md): the same figures as the HTML report, read from
/// the same <see cref="HomeworkReport"/> and written with the same <see cref="ReportText"/> and <see cref="ReportReading"/>,
/// as tables a code host renders. The confused test images go beside it, in a folder named after the file.
/// </summary>
public static class HomeworkReportMarkdown
{
    /// <summary>Writes the Markdown to <paramref name="path"/> (atomically) and the images to its folder; returns the Markdown's size in bytes.</summary>
    public static long Write(HomeworkReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var images = Path.GetFileNameWithoutExtension(path);
        var md = new StringBuilder();
        md.Append("# Results: the homework from this machine's runs\n\n")
            .Append("Written by `").Append(new ReportArguments().Format(
                report.Choices.Where(c => c.RunId is not null).ToDictionary(c => c.Part, c => c.RunId!), report.ArtifactsDir, report.Dataset, "md",
                Path.GetFileName(path)).ToString().Replace(Path.GetFileName(path), Relative(path), StringComparison.Ordinal))
            .Append("` from the runs in `").Append(report.ArtifactsDir).Append("`; the HTML and PDF reports (`--format html|pdf`) hold the same figures with charts.\n\n");

        md.Append("## At a glance\n\n");
        Table(md, ["Figure", "Ours", "The seed homework's", "Difference"], ReportReading.Glance(report).Select(r => new[] { r.Figure, r.Ours, r.Seed, r.Difference }));
        foreach (var choice in report.OffRecipe)
            md.Append("**Not the homework's settings:** ").Append(ReportParts.Title(choice.Part)).Append(" (run `").Append(choice.RunId).Append("`): ")
                .Append(string.Join("; ", choice.Differences)).Append(".\n\n");
        if (report.Missing.Count > 0)
            md.Append("Not run yet: ").Append(string.Join(", ", report.Missing.Select(ReportParts.Title))).Append(".\n\n");

        Denoising(md, report);
        Seeds(md, report);
        foreach (var model in new[] { ModelKind.Cnn, ModelKind.Residual })
        {
            if (report.Training(model) is { } run)
                Training(md, run, model, folder, images);
        }

        md.Append("## Reproducibility\n\nFrom the repository root; each command makes its figure again.\n\n");
        Table(md, ["Figure", "Run", "Commands", "Gives again"], ReproduceCommands.For(report).Select(r => new[]
        {
            r.Figure, r.RunId is null ? "–" : $"`{r.RunId}`", string.Join("<br>", r.Commands.Select(c => $"`{c}`")), r.Reproduces,
        }));
        var bytes = Encoding.UTF8.GetBytes(md.ToString());
        AtomicFile.WriteAllBytes(path, bytes);
        return bytes.LongLength;
    }

    private static void Denoising(StringBuilder md, HomeworkReport report)
    {
        md.Append("## 1.2 Denoising\n\nGradient descent with autograd (the homework's method) at each norm's best stable point, the seed's setting, and primal-dual on the same loss; PSNR against the clean image, time of the optimisation loop.\n\n");
        Table(md, ["Part", "Run", "Optimizer", "lr", "α", "Steps", "Result", "Time"], ReportParts.Denoising.Select(part => report.Denoise(part) is { } r
            ? new[]
            {
                ReportParts.Label(part), $"`{r.Summary.Id}`", DenoiseLabels.Of(r.Options.Optimizer), ReportText.Number(r.Options.Lr), ReportText.Number(r.Options.Alpha),
                r.Options.Steps.ToString(CultureInfo.InvariantCulture), r.Diverged ? ReportText.DenoiseOutcome(r) : ReportText.Psnr(r.Summary.DenoisePsnr),
                r.Diverged ? "–" : ReportText.Seconds(r.Summary.Denoised?.Seconds),
            }
            : [ReportParts.Label(part), ReportText.NotRunYet, "", "", "", "", "", ""]));
        if (ReportReading.L2AgainstL1(report).Answer is { } answer)
            md.Append("**Is L2 better or worse than L1?** ").Append(answer).Append("\n\n");
        if (report.Denoise(ReportPart.SeedL2) is { } seed)
            md.Append("**The seed's setting with L2:** ").Append(ReportText.DenoiseOutcome(seed)).Append(". ").Append(ReportReading.L2StepBound(seed.Options.Lr, seed.Options.Alpha)).Append("\n\n");
    }

    private static void Seeds(StringBuilder md, HomeworkReport report)
    {
        md.Append("## 2 Classifier over seeds\n\n");
        foreach (var model in new[] { ModelKind.Cnn, ModelKind.Residual })
        {
            if (report.Training(model)?.Group is not { } group)
                continue;
            var name = ModelDisplayName.Of(model);
            md.Append("### ").Append(name).Append(": ").Append(group.Members.Count).Append(group.Members.Count == 1 ? " seed" : " seeds").Append("\n\n");
            var rows = group.Members.Select(m => new[] { $"`{m.RunId}`", m.Seed.ToString(CultureInfo.InvariantCulture), m.BestEpoch?.ToString(CultureInfo.InvariantCulture) ?? "–", ReportText.Percent(m.Evaluation.Accuracy) }).ToList();
            var seed = SeedFigures.Accuracy(model);
            rows.Add(["**mean ± std**", "", "", $"**{ReportText.MeanStd(group.Spread.Accuracy)}**"]);
            rows.Add(["the seed homework (one run)", "", SeedFigures.ChosenEpoch.ToString(CultureInfo.InvariantCulture), $"{ReportText.SeedPercent(seed)} ({ReportText.Points(group.Spread.Accuracy.Mean - seed)})"]);
            Table(md, ["Run", "Seed", "Chosen epoch", "Test accuracy"], rows);
            var showSeed = model == ModelKind.Cnn;
            Table(md, showSeed ? ["Class", "Mean ± std", "Seed's", "Mean − seed's"] : ["Class", "Mean ± std"], group.Spread.PerClass.Select(p => showSeed
                ? new[] { p.Class, ReportText.MeanStd(p.Accuracy), ReportText.SeedPercent(SeedFigures.ClassAccuracy(p.Class)), SeedFigures.ClassAccuracy(p.Class) is { } s ? ReportText.Points(p.Accuracy.Mean - s) : "–" }
                : [p.Class, ReportText.MeanStd(p.Accuracy)]));
        }

        if (report.Paired.Count > 0)
        {
            md.Append("### CNN against residual CNN, McNemar's paired test\n\nOn the same test images: b = only the CNN right, c = only the residual CNN right; two-sided p.\n\n");
            Table(md, ["CNN run (seed)", "Residual run (seed)", "Both right", "b", "c", "Both wrong", "p", "Test"], report.Paired.Select(p => new[]
            {
                $"`{p.CnnRun}` ({p.CnnSeed})", $"`{p.ResidualRun}` ({p.ResidualSeed})", ReportText.Count(p.Result.BothRight), ReportText.Count(p.Result.FirstOnly),
                ReportText.Count(p.Result.SecondOnly), ReportText.Count(p.Result.BothWrong), ReportText.PValue(p.Result.PValue), ReportText.Method(p.Result.Method),
            }));
        }

        if (report.PairedProblem is { } problem)
            md.Append(problem).Append("\n\n");
    }

    private static void Training(StringBuilder md, TrainingReportRun run, ModelKind model, string folder, string images)
    {
        var name = ModelDisplayName.Of(model);
        var r = run.Run;
        md.Append("## ").Append(name).Append(": run `").Append(r.Id).Append("`\n\n");
        if (run.Differences.Count > 0)
            md.Append("**Not the homework's recipe:** ").Append(string.Join("; ", run.Differences)).Append(".\n\n");
        md.Append(string.Create(CultureInfo.InvariantCulture,
            $"Seed {r.Run.TrainingConfig().Seed}, {ReportText.Count(r.Run.TrainImages)} training / {ReportText.Count(r.Run.ValidationImages)} validation images, {ReportText.Count(r.Run.Parameters)} parameters.\n\n"));
        Table(md, ["Epoch", "Train loss", "Val loss", "Val accuracy", "Seconds", "img/s"], r.Epochs.Select(e => new[]
        {
            e.Epoch == r.BestEpoch ? $"{e.Epoch} ← chosen" : e.Epoch.ToString(CultureInfo.InvariantCulture),
            e.TrainLoss.ToString("0.0000", CultureInfo.InvariantCulture), e.ValLoss.ToString("0.0000", CultureInfo.InvariantCulture),
            e.ValAccuracy.ToString("0.0000", CultureInfo.InvariantCulture), e.Seconds.ToString("0", CultureInfo.InvariantCulture), e.ImagesPerSecond.ToString("0", CultureInfo.InvariantCulture),
        }));
        if (r.Evaluation is not { } e)
            return;
        md.Append(string.Create(CultureInfo.InvariantCulture,
            $"Test accuracy of the epoch {e.Epoch} checkpoint: **{ReportText.Percent(e.Accuracy)}** on {ReportText.Count(e.Images)} images (the seed's: {ReportText.SeedPercent(SeedFigures.Accuracy(model))}). Worst class: **{e.WorstClass}**, most often predicted as **{e.MostConfusedWith ?? "nothing"}**.\n\n"));
        md.Append("Confusion matrix (rows true, columns predicted):\n\n");
        Table(md, ["true \\ predicted", .. e.Classes], e.Classes.Select((c, i) => new[] { $"**{c}**" }.Concat(e.ConfusionMatrix[i].Select(v => v.ToString(CultureInfo.InvariantCulture))).ToArray()));
        if (run.Examples.Count == 0)
            return;
        var key = ModelFactory.Name(model);
        var target = Path.Combine(folder, images, key);
        Directory.CreateDirectory(target);
        foreach (var old in Directory.EnumerateFiles(target, "*.png"))
            File.Delete(old);
        var cells = new List<string>();
        foreach (var (example, png) in run.Examples)
        {
            var file = string.Create(CultureInfo.InvariantCulture, $"{example.Index:00000}_true-{example.TrueClass}_pred-{example.PredictedClass}.png");
            AtomicFile.WriteAllBytes(Path.Combine(target, file), png);
            cells.Add(string.Create(CultureInfo.InvariantCulture,
                $"![test #{example.Index}: {example.TrueClass} → {example.PredictedClass}]({images}/{key}/{file})<br>#{example.Index} p={example.Probability:0.00}"));
        }

        md.Append(string.Create(CultureInfo.InvariantCulture, $"Test images of class {e.WorstClass} predicted as {e.MostConfusedWith} (upscaled; caption: predicted probability):\n\n"));
        Table(md, [.. cells.Take(5).Select(_ => " ")], cells.Chunk(5).Select(c => c));
    }

    private static string Relative(string path) => CliCommandLine.PathArgument(path);

    private static void Table(StringBuilder md, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        md.Append("| ").Append(string.Join(" | ", header.Select(Cell))).Append(" |\n|").Append(string.Concat(header.Select(_ => "---|"))).Append('\n');
        foreach (var row in rows)
            md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        md.Append('\n');
    }

    // A cell's own pipes would end it early.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
