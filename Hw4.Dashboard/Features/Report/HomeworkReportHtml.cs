using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hw4.Dashboard.Features.Export;
using Hw4.Ml.IO;
using Hw4.Ml.Models;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// Renders the <see cref="HomeworkReport"/> as one self-contained HTML file in the homework's order (1.1 Autograd,
/// 1.2 Denoising, 2 Classifier, Reproducibility): plotly.js, the data and every image (<c>data:</c> URIs) are inside,
/// so it loads nothing from anywhere. Each section starts a new page when printed. A part not run yet says so.
/// </summary>
public static class HomeworkReportHtml
{
    /// <summary>The words a part whose run does not exist shows.</summary>
    public const string NotRunYet = "not run yet";

    /// <summary>The section headings, in order.</summary>
    public static readonly IReadOnlyList<string> Headings = ["1.1 Autograd", "1.2 Denoising", "2 Classifier", "Reproducibility"];

    private const string Cli = "dotnet run --project Hw4.Dashboard -c Release --";

    // The homework's recipe (15 epochs, seed 0) is the trainer's defaults, as the Train form's are.
    private static readonly Hw4.Ml.Training.TrainerOptions Recipe = new();

    private static readonly JsonSerializerOptions ScriptJson = new(MlJson.Compact) { Encoder = JavaScriptEncoder.Default };

    /// <summary>The report as one HTML document.</summary>
    public static string Render(HomeworkReport report, ReportAssets assets, DateTimeOffset generatedUtc)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(assets);
        var html = new StringBuilder(8 * 1024 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Hw4 homework report</title>\n<style>\n").Append(assets.Style)
            .Append(".pair { display: flex; flex-wrap: wrap; gap: 16px; }\n.pair figure { margin: 0; }\n.pair img { max-width: 360px; border: 1px solid #ccc; }\n")
            .Append(".augment img { width: 64px; height: 64px; image-rendering: pixelated; margin: 2px; border: 1px solid #ccc; }\n")
            .Append(".missing { color: #a15c00; font-weight: bold; }\n")
            .Append("@media print { section.hw { break-before: page; } .chart { break-inside: avoid; } body { max-width: none; } }\n")
            .Append("</style>\n<script>\n").Append(assets.Plotly).Append("\n</script>\n</head>\n<body>\n")
            .Append("<h1>Hw4 homework report</h1>\n<p class=\"meta\">Generated ")
            .Append(generatedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
            .Append(" by Hw4 Lab from this machine's runs. Self-contained: charts, data and images are inside this file.</p>\n");

        Autograd(html, report);
        Denoising(html, report);
        Classifier(html, report);
        Reproducibility(html, report);

        var runs = new[] { report.Cnn, report.Residual }.Where(r => r is not null).Select(r => HtmlReport.ChartData(r!));
        var homework = new
        {
            taylor = new { xs = report.Taylor.PointXs, grads = report.Taylor.PointGrads },
            terms = report.TermErrors.Select(t => new { terms = t.Terms, error = t.MaxAbsError }),
            denoise = new[] { ("L1", report.L1), ("L2", report.L2) }.Where(d => d.Item2 is not null)
                .Select(d => new { label = $"{d.Item1} ({d.Item2!.Summary.Id})", steps = d.Item2.Steps.Select(s => new { step = s.Step, loss = s.Loss, psnr = s.Psnr }) }),
        };
        html.Append("<script type=\"application/json\" id=\"hw4-report-data\">").Append(JsonSerializer.Serialize(new { runs }, ScriptJson)).Append("</script>\n")
            .Append("<script type=\"application/json\" id=\"hw4-homework-data\">").Append(JsonSerializer.Serialize(homework, ScriptJson)).Append("</script>\n")
            .Append("<script>\n").Append(assets.Script).Append("\n</script>\n")
            .Append("<script>\n").Append(ReportAssets.Read("homework.js")).Append("\n</script>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Autograd(StringBuilder html, HomeworkReport report)
    {
        var t = report.Taylor;
        Section(html, "autograd", Headings[0]);
        html.Append("<p>sin x by its Taylor series with ").Append(t.Terms).Append(" terms, differentiated by autograd (float32).</p>\n")
            .Append("<table id=\"taylor\"><tr><th>x</th><th>y = sin_taylor(x)</th><th>dy/dx</th><th>cos x</th><th>|dy/dx − cos x|</th></tr>\n<tr>")
            .Append(Num(t.X, "0.######")).Append(Num(t.Y, "0.########")).Append(Num(t.Grad, "0.########")).Append(Num(t.ExactGrad, "0.########"))
            .Append(Num(t.GradAbsError, "0.###E+0")).Append("</tr></table>\n")
            .Append("<p>Over ").Append(t.Points).Append(" points drawn uniformly from [−π, π] (seed 0), z = Σ sin_taylor(x): max |dz/dx − cos x| = ")
            .Append(Inv(t.MaxAbsErrorOverPoints, "0.###E+0")).Append(".</p>\n")
            .Append("<div id=\"chart-taylor\" class=\"chart\"></div>\n<div id=\"chart-terms\" class=\"chart\"></div>\n")
            .Append("<table id=\"taylor-terms\"><tr><th>terms</th><th>max error</th></tr>\n");
        foreach (var e in report.TermErrors)
            html.Append("<tr><td class=\"num\">").Append(e.Terms).Append("</td>").Append(Num(e.MaxAbsError, "0.###E+0")).Append("</tr>\n");
        html.Append("</table>\n</section>\n");
    }

    private static void Denoising(StringBuilder html, HomeworkReport report)
    {
        Section(html, "denoising", Headings[1]);
        html.Append("<div class=\"pair\">\n");
        var noisy = report.L1?.InputPng ?? report.L2?.InputPng;
        if (noisy is not null)
            Figure(html, noisy, "noisy input");
        foreach (var (label, run) in new[] { ("L1", report.L1), ("L2", report.L2) })
        {
            if (run is null)
                html.Append("<p class=\"missing\" id=\"missing-denoise-").Append(label.ToLowerInvariant()).Append("\">").Append(label).Append(": ").Append(NotRunYet).Append(".</p>\n");
            else if (run.OutputPng is not null)
                Figure(html, run.OutputPng, string.Create(CultureInfo.InvariantCulture,
                    $"{label} ({run.Summary.Id}): PSNR {Psnr(run.Summary.DenoisePsnr)}, {run.Summary.Denoised?.Seconds:0.00} s"));
        }

        html.Append("</div>\n<table id=\"denoise\"><tr><th>Norm</th><th>Run</th><th>Optimizer</th><th>lr</th><th>α</th><th>Steps</th><th>PSNR input</th><th>PSNR output</th><th>Time</th></tr>\n");
        foreach (var (label, run) in new[] { ("L1", report.L1), ("L2", report.L2) })
        {
            if (run is null)
            {
                html.Append("<tr><td>").Append(label).Append("</td><td colspan=\"8\">").Append(NotRunYet).Append("</td></tr>\n");
                continue;
            }

            var o = run.Summary.Record!.DenoiseConfig().Options;
            var end = run.Summary.Denoised;
            html.Append("<tr><td>").Append(label).Append("</td><td>").Append(Encode(run.Summary.Id)).Append("</td><td>").Append(Encode(o.Optimizer.ToString()))
                .Append("</td>").Append(Num(o.Lr, "0.###")).Append(Num(o.Alpha, "0.###"))
                .Append("<td class=\"num\">").Append(end?.Steps ?? o.Steps).Append("</td><td class=\"num\">").Append(Psnr(end?.PsnrInput))
                .Append("</td><td class=\"num\">").Append(Psnr(run.Summary.DenoisePsnr)).Append("</td><td class=\"num\">")
                .Append(end is null ? "–" : Inv(end.Seconds, "0.00") + " s").Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        if (report.L1?.Summary.DenoisePsnr is { } p1 && report.L2?.Summary.DenoisePsnr is { } p2)
        {
            var verdict = p2 > p1 ? "better" : p2 < p1 ? "worse" : "as good";
            html.Append("<p id=\"denoise-verdict\">Is L2 better or worse than L1? <b>").Append(verdict).Append("</b>: L2 reaches ")
                .Append(Psnr(p2)).Append(" against L1's ").Append(Psnr(p1)).Append(string.Create(CultureInfo.InvariantCulture, $" ({p2 - p1:+0.00;-0.00} dB)."))
                .Append(p2 < p1 ? " The squared gradient penalises edges quadratically, so L2 smooths them away; L1 (total variation) keeps them." : "").Append("</p>\n");
        }
        else
            html.Append("<p id=\"denoise-verdict\">The L1-versus-L2 answer needs both runs (").Append(NotRunYet).Append(").</p>\n");

        if (report.L2Divergence is { } diverged)
            html.Append("<p class=\"warn\" id=\"seed-diverges\">").Append(Encode(diverged)).Append("</p>\n");
        html.Append("<div id=\"chart-denoise-loss\" class=\"chart\"></div>\n<div id=\"chart-denoise-psnr\" class=\"chart\"></div>\n</section>\n");
    }

    private static void Classifier(StringBuilder html, HomeworkReport report)
    {
        Section(html, "classifier", Headings[2]);
        var any = report.Cnn ?? report.Residual;
        if (any is not null)
        {
            var r = any.Run;
            html.Append("<p id=\"dataset\">Dataset ").Append(Encode(r.DatasetSource ?? "(unknown)")).Append(string.Create(CultureInfo.InvariantCulture,
                $": {r.TrainImages} training, {r.ValidationImages} validation (split off the training set, seed {r.TrainingConfig().Seed}), {r.TestImages} test images.")).Append("</p>\n");
        }

        html.Append("<h3>Augmented samples</h3>\n");
        if (report.Augmentation is { } aug)
        {
            html.Append("<p>Each row: one training image of ").Append(Encode(aug.Dataset)).Append(", then ").Append(HomeworkReportBuilder.AugmentationDraws)
                .Append(" draws of the training augmentation (horizontal flip p 0.5, affine ±5° and scale 0.8–1.2, colour jitter 0.8–1.2).</p>\n<div class=\"augment\" id=\"augment\">\n");
            foreach (var (cls, original, draws) in aug.Rows)
            {
                html.Append("<div>");
                Img(html, original, $"{cls}, original");
                foreach (var d in draws)
                    Img(html, d, $"{cls}, augmented");
                html.Append(' ').Append(Encode(cls)).Append("</div>\n");
            }

            html.Append("</div>\n");
        }
        else
            html.Append("<p class=\"missing\">").Append(Encode(report.AugmentationProblem ?? "no samples.")).Append("</p>\n");

        ModelTable(html, "CNN", report.CnnSummary);
        TrainingRun(html, "CNN", "cnn", report.Cnn, report);
        ModelTable(html, "Residual CNN", report.ResidualSummary);
        TrainingRun(html, "Residual CNN", "residual", report.Residual, report);

        html.Append("<h3>CNN against residual</h3>\n");
        if (report.Cnn?.Evaluation is { } c && report.Residual?.Evaluation is { } res)
        {
            html.Append("<table id=\"deltas\"><tr><th>Figure</th><th>CNN</th><th>Residual</th><th>Δ (residual − CNN)</th></tr>\n")
                .Append("<tr><td>Test accuracy</td><td class=\"num\">").Append(HtmlReport.Percent(c.Accuracy)).Append("</td><td class=\"num\">").Append(HtmlReport.Percent(res.Accuracy))
                .Append("</td><td class=\"num\">").Append(Inv((res.Accuracy - c.Accuracy) * 100, "+0.00;-0.00")).Append(" pp</td></tr>\n")
                .Append("<tr><td>Parameters</td><td class=\"num\">").Append(Inv(report.CnnSummary.TotalParameters, "N0")).Append("</td><td class=\"num\">").Append(Inv(report.ResidualSummary.TotalParameters, "N0"))
                .Append("</td><td class=\"num\">").Append(Inv(report.ResidualSummary.TotalParameters - report.CnnSummary.TotalParameters, "+#,0;-#,0")).Append("</td></tr>\n");
            foreach (var cls in c.Classes)
            {
                var a = c.PerClassAccuracy.GetValueOrDefault(cls);
                var b = res.PerClassAccuracy.GetValueOrDefault(cls);
                html.Append("<tr><td>").Append(Encode(cls)).Append("</td><td class=\"num\">").Append(HtmlReport.Percent(a)).Append("</td><td class=\"num\">").Append(HtmlReport.Percent(b))
                    .Append("</td><td class=\"num\">").Append(Inv((b - a) * 100, "+0.00;-0.00")).Append(" pp</td></tr>\n");
            }

            html.Append("</table>\n");
        }
        else
            html.Append("<p>The comparison needs both evaluated runs (").Append(NotRunYet).Append(").</p>\n");

        html.Append("<h3>Training curves</h3>\n<div id=\"chart-loss\" class=\"chart\"></div>\n<div id=\"chart-accuracy\" class=\"chart\"></div>\n")
            .Append("<div id=\"chart-per-class\" class=\"chart\"></div>\n</section>\n");
    }

    private static void ModelTable(StringBuilder html, string title, ModelSummary summary)
    {
        html.Append("<h3>").Append(title).Append(": layers</h3>\n<table class=\"model\"><tr><th>Layer</th><th>Type</th><th>Output shape</th><th>Parameters</th></tr>\n");
        foreach (var l in summary.Layers)
            html.Append("<tr><td>").Append(Encode(l.Name)).Append("</td><td>").Append(Encode(l.Type)).Append("</td><td>[").Append(string.Join(", ", l.OutputShape))
                .Append("]</td><td class=\"num\">").Append(Inv(l.Parameters, "N0")).Append("</td></tr>\n");
        html.Append("<tr><td colspan=\"3\"><b>Total</b></td><td class=\"num\"><b>").Append(Inv(summary.TotalParameters, "N0")).Append("</b></td></tr>\n</table>\n");
    }

    private static void TrainingRun(StringBuilder html, string title, string model, RunExport? run, HomeworkReport report)
    {
        html.Append("<h3>").Append(title).Append(": training and test</h3>\n");
        if (run is null)
        {
            html.Append("<p class=\"missing\" id=\"missing-").Append(model).Append("\">").Append(title).Append(": ").Append(NotRunYet)
                .Append(string.Create(CultureInfo.InvariantCulture, $". The homework's recipe: {Cli} train --model {model} --epochs {Recipe.Epochs} --seed {Recipe.Seed}.")).Append("</p>\n");
            return;
        }

        var best = run.Epochs.FirstOrDefault(e => e.Epoch == run.BestEpoch);
        html.Append("<table id=\"run-").Append(model).Append("\"><tr><th>Run</th><th>Epochs</th><th>Chosen epoch</th><th>Val loss</th><th>Val accuracy</th><th>Test accuracy</th><th>Test images</th></tr>\n<tr><td>")
            .Append(Encode(run.Id)).Append("</td><td class=\"num\">").Append(run.Epochs.Count).Append("</td><td class=\"num\">").Append(run.BestEpoch?.ToString(CultureInfo.InvariantCulture) ?? "–")
            .Append("</td><td class=\"num\">").Append(best is null ? "–" : Inv(best.ValLoss, "0.0000")).Append("</td><td class=\"num\">").Append(HtmlReport.Percent(best?.ValAccuracy))
            .Append("</td><td class=\"num test-accuracy\">").Append(HtmlReport.Percent(run.Evaluation?.Accuracy)).Append("</td><td class=\"num\">")
            .Append(run.Evaluation?.Images.ToString(CultureInfo.InvariantCulture) ?? "–").Append("</td></tr>\n</table>\n")
            .Append("<p>The chosen epoch is the one of lowest validation loss; its checkpoint is the one evaluated on the test set.</p>\n");
        if (run.Evaluation is not { } e)
        {
            html.Append("<p class=\"missing\">No evaluation.json: the test set was not evaluated.</p>\n");
            return;
        }

        html.Append("<table class=\"per-class\"><tr><th>Class</th><th>Test accuracy</th></tr>\n");
        foreach (var cls in e.Classes)
            html.Append("<tr><td>").Append(Encode(cls)).Append("</td><td class=\"num\">").Append(HtmlReport.Percent(e.PerClassAccuracy.GetValueOrDefault(cls))).Append("</td></tr>\n");
        html.Append("</table>\n<h4>Confusion matrix (epoch ").Append(e.Epoch).Append(" checkpoint; rows true, columns predicted)</h4>\n<table class=\"confusion\" id=\"confusion-").Append(model).Append("\"><tr><th></th>");
        foreach (var cls in e.Classes)
            html.Append("<th>").Append(Encode(cls)).Append("</th>");
        html.Append("</tr>\n");
        for (var i = 0; i < e.Classes.Count; i++)
        {
            html.Append("<tr><th>").Append(Encode(e.Classes[i])).Append("</th>");
            foreach (var count in e.ConfusionMatrix[i])
                html.Append("<td class=\"num\">").Append(count).Append("</td>");
            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
        var worst = e.Classes.ToList().IndexOf(e.WorstClass);
        html.Append("<p class=\"worst\">Worst class: <b>").Append(Encode(e.WorstClass)).Append("</b> (").Append(HtmlReport.Percent(e.PerClassAccuracy.GetValueOrDefault(e.WorstClass))).Append(" right)");
        if (worst >= 0 && e.MostConfusedWith is { } partner && e.Classes.ToList().IndexOf(partner) is var p and >= 0)
            html.Append(", most often taken for <b>").Append(Encode(partner)).Append("</b>: ").Append(HtmlReport.Percent(e.ConfusionMatrixNormalized[worst][p])).Append(" of its test images");
        html.Append(".</p>\n<div class=\"gallery\">\n");
        foreach (var (example, png) in report.Examples.GetValueOrDefault(run.Id, []).Take(10))
        {
            var caption = string.Create(CultureInfo.InvariantCulture, $"#{example.Index}: {example.TrueClass} taken for {example.PredictedClass} (p {example.Probability:0.000})");
            html.Append("<figure>");
            Img(html, png, caption);
            html.Append("<figcaption>").Append(Encode(caption)).Append("</figcaption></figure>\n");
        }

        html.Append("</div>\n");
    }

    private static void Reproducibility(StringBuilder html, HomeworkReport report)
    {
        Section(html, "reproducibility", Headings[3]);
        html.Append("<table id=\"reproduce\"><tr><th>Figure</th><th>Run</th><th>Versions</th><th>Device</th><th>Seed</th><th>Dataset hash</th><th>Command</th></tr>\n")
            .Append("<tr><td>1.1 Autograd</td><td>–</td><td>").Append(Encode(RuntimeText(Hw4.Ml.Runs.RuntimeVersions.Collect())))
            .Append("</td><td>cpu</td><td>0</td><td>–</td><td><code>").Append(Encode($"{Cli} taylor --points {report.Taylor.Points} --seed 0")).Append("</code></td></tr>\n");
        foreach (var (label, run) in new[] { ("L1", report.L1), ("L2", report.L2) })
        {
            if (run?.Summary.Record is not { } r)
                continue;
            var o = r.DenoiseConfig();
            var command = string.Create(CultureInfo.InvariantCulture,
                $"{Cli} denoise --image {Path.GetFileName(o.Source)} --clean CLEAN --norm {label.ToLowerInvariant()} --optimizer {OptimizerName(o.Options.Optimizer)} --lr {o.Options.Lr} --alpha {o.Options.Alpha} --steps {o.Options.Steps}");
            Row(html, $"1.2 Denoising {label}", r, "–", command);
        }

        foreach (var run in new[] { report.Cnn, report.Residual })
        {
            if (run is null)
                continue;
            var c = run.Run.TrainingConfig();
            var command = string.Create(CultureInfo.InvariantCulture,
                $"{Cli} train --data {run.Run.DatasetSource} --model {ModelFactory.Name(c.Model)} --epochs {c.Epochs} --seed {c.Seed} --batch-size {c.BatchSize} --lr {c.LearningRate} --val-size {c.ValidationSize}{(c.Augment ? "" : " --no-augment")}; {Cli} evaluate --run {run.Id}");
            Row(html, $"2 Classifier {ModelFactory.Name(c.Model)}", run.Run, c.Seed.ToString(CultureInfo.InvariantCulture), command);
        }

        html.Append("</table>\n<p>The whole report: <code>").Append(Encode($"{Cli} report --format html --out report.html")).Append("</code>.</p>\n</section>\n");
    }

    private static void Row(StringBuilder html, string figure, Hw4.Ml.Runs.RunRecord r, string seed, string command) =>
        html.Append("<tr><td>").Append(Encode(figure)).Append("</td><td>").Append(Encode(r.Id)).Append("</td><td>").Append(Encode(RuntimeText(r.Versions)))
            .Append("</td><td>").Append(Encode(r.Device ?? "–")).Append("</td><td>").Append(Encode(seed)).Append("</td><td><code>").Append(Encode(r.DatasetHash is { Length: > 12 } h ? h[..12] + "…" : r.DatasetHash ?? "–"))
            .Append("</code></td><td><code>").Append(Encode(command)).Append("</code></td></tr>\n");

    private static string OptimizerName(Hw4.Ml.Denoising.DenoiseOptimizer optimizer) =>
        optimizer switch { Hw4.Ml.Denoising.DenoiseOptimizer.Gd => "gd", Hw4.Ml.Denoising.DenoiseOptimizer.Adam => "adam", _ => "primal-dual" };

    private static string RuntimeText(IReadOnlyDictionary<string, string> versions) => string.Join(", ", versions.Select(kv => $"{kv.Key} {kv.Value}"));

    private static void Section(StringBuilder html, string id, string heading) =>
        html.Append("<section class=\"hw\" id=\"section-").Append(id).Append("\">\n<h2>").Append(Encode(heading)).Append("</h2>\n");

    private static void Figure(StringBuilder html, byte[] png, string caption)
    {
        html.Append("<figure>");
        Img(html, png, caption);
        html.Append("<figcaption>").Append(Encode(caption)).Append("</figcaption></figure>\n");
    }

    private static void Img(StringBuilder html, byte[] png, string alt) =>
        html.Append("<img alt=\"").Append(Encode(alt)).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\">");

    private static string Psnr(double? db) => db is { } d ? Inv(d, "0.00") + " dB" : "–";

    private static string Num(double value, string format) => "<td class=\"num\">" + Inv(value, format) + "</td>";

    private static string Inv(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
