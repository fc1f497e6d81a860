using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hw4.Ml.Evaluation;
using Hw4.Ml.IO;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Models;

namespace Hw4.Dashboard.Features.Export;

/// <summary>
/// Renders the self-contained HTML report of one run or a comparison: one file with plotly.js, the data (as JSON) and
/// the example images (as <c>data:</c> URIs) inside, so it opens offline and loads nothing from anywhere. It shows the
/// runs' numbers, loss and accuracy curves, per-batch loss, per-class accuracy, each run's confusion heatmap and
/// confused-image gallery, and the PyTorch module definition that an exported state_dict loads into.
/// </summary>
public static class HtmlReport
{
    // JSON inside <script>: the default encoder escapes <, > and &, so no "</script>" can end the element early.
    private static readonly JsonSerializerOptions ScriptJson = new(MlJson.Compact) { Encoder = JavaScriptEncoder.Default };

    /// <summary>The report as one HTML document.</summary>
    /// <param name="runs">The runs, the first one the baseline of a comparison.</param>
    /// <param name="examples">Example PNGs per run id (may miss runs).</param>
    /// <param name="assets">The embedded scripts, style and Python source.</param>
    /// <param name="generatedUtc">When the report is made (printed in it).</param>
    public static string Render(
        IReadOnlyList<RunExport> runs,
        IReadOnlyDictionary<string, IReadOnlyList<(ConfusionExample Example, byte[] Png)>> examples,
        ReportAssets assets,
        DateTimeOffset generatedUtc)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(assets);
        if (runs.Count == 0) throw new ArgumentException("a report needs at least one run.", nameof(runs));

        var title = runs.Count == 1 ? $"Hw4 run {runs[0].Id}" : $"Hw4 comparison of {string.Join(", ", runs.Select(r => r.Id))}";
        var html = new StringBuilder(6 * 1024 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>\n").Append(assets.Style).Append("</style>\n")
            .Append("<script>\n").Append(assets.Plotly).Append("\n</script>\n")
            .Append("</head>\n<body>\n")
            .Append("<h1>").Append(Encode(title)).Append("</h1>\n")
            .Append("<p class=\"meta\">Report generated ").Append(generatedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
            .Append(" by Hw4 Lab. Self-contained: charts, data and images are inside this file.</p>\n");

        SummaryTable(html, runs);
        ConfigTable(html, runs);

        html.Append("<h2>Training curves</h2>\n")
            .Append("<div id=\"chart-loss\" class=\"chart\"></div>\n")
            .Append("<div id=\"chart-accuracy\" class=\"chart\"></div>\n")
            .Append("<div id=\"chart-batches\" class=\"chart\"></div>\n");

        if (runs.Any(r => r.Evaluation is not null))
        {
            html.Append("<h2>Test set</h2>\n<div id=\"chart-per-class\" class=\"chart\"></div>\n");
            PerClassTable(html, runs);
        }

        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (run.Evaluation is not { } evaluation)
                continue;
            html.Append("<h2>").Append(Encode(run.Id)).Append(": confusion</h2>\n")
                .Append("<div id=\"chart-confusion-").Append(i).Append("\" class=\"chart\" style=\"min-height:520px\"></div>\n");
            Gallery(html, run, evaluation, examples.TryGetValue(run.Id, out var pngs) ? pngs : []);
        }

        PyTorchSection(html, runs, assets.PythonModels);

        html.Append("<script type=\"application/json\" id=\"hw4-report-data\">")
            .Append(JsonSerializer.Serialize(new { runs = runs.Select(ChartData) }, ScriptJson))
            .Append("</script>\n")
            .Append("<script>\n").Append(assets.Script).Append("\n</script>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Test accuracy as the CLI prints it (<c>20.94 %</c>), or an en dash.</summary>
    public static string Percent(double? accuracy) =>
        accuracy is { } a ? string.Create(CultureInfo.InvariantCulture, $"{a * 100:F2} %") : "–";

    private static void SummaryTable(StringBuilder html, IReadOnlyList<RunExport> runs)
    {
        html.Append("<h2>Summary</h2>\n<table id=\"summary\">\n<tr><th>Run</th><th>Model</th><th>Status</th><th>Epochs</th><th>Best epoch</th>")
            .Append("<th>Best val loss</th><th>Best val accuracy</th><th>Test accuracy</th><th>Test images</th><th>Train images</th></tr>\n");
        foreach (var run in runs)
        {
            var best = run.Epochs.FirstOrDefault(e => e.Epoch == run.BestEpoch);
            html.Append("<tr><td>").Append(Encode(run.Id)).Append("</td><td>").Append(Encode(ModelFactory.Name(run.Run.TrainingConfig().Model)))
                .Append("</td><td>").Append(Encode(run.Run.Status.Name()))
                .Append("</td><td class=\"num\">").Append(run.Epochs.Count)
                .Append("</td><td class=\"num\">").Append(run.BestEpoch?.ToString(CultureInfo.InvariantCulture) ?? "–")
                .Append("</td><td class=\"num\">").Append(best?.ValLoss.ToString("0.0000", CultureInfo.InvariantCulture) ?? "–")
                .Append("</td><td class=\"num\">").Append(Percent(best?.ValAccuracy))
                .Append("</td><td class=\"num test-accuracy\">").Append(Percent(run.Evaluation?.Accuracy))
                .Append("</td><td class=\"num\">").Append(run.Evaluation?.Images.ToString(CultureInfo.InvariantCulture) ?? "–")
                .Append("</td><td class=\"num\">").Append(run.Run.TrainImages.ToString(CultureInfo.InvariantCulture))
                .Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        foreach (var run in runs)
        {
            if (run.Divergence is { } d)
                html.Append("<p class=\"warn\">").Append(Encode(run.Id)).Append(": ").Append(Encode(d.Message)).Append("</p>\n");
            foreach (var w in run.Warnings)
                html.Append("<p class=\"warn\">").Append(Encode(run.Id)).Append(": ").Append(Encode(w)).Append("</p>\n");
        }
    }

    private static void ConfigTable(StringBuilder html, IReadOnlyList<RunExport> runs)
    {
        // The config as run.json spells it, one row per setting and one column per run.
        var configs = runs.Select(r => JsonSerializer.SerializeToElement(r.Run.Config, MlJson.Options)).ToList();
        var keys = configs.SelectMany(c => c.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
        html.Append("<h2>Configuration</h2>\n<table id=\"config\">\n<tr><th>Setting</th>");
        foreach (var run in runs)
            html.Append("<th>").Append(Encode(run.Id)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var key in keys)
        {
            html.Append("<tr><td>").Append(Encode(key)).Append("</td>");
            foreach (var config in configs)
                html.Append("<td>").Append(config.TryGetProperty(key, out var v) ? Encode(v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()) : "").Append("</td>");
            html.Append("</tr>\n");
        }

        html.Append("<tr><td>dataset</td>");
        foreach (var run in runs)
            html.Append("<td>").Append(Encode(run.Run.DatasetSource ?? "")).Append("</td>");
        html.Append("</tr>\n</table>\n");
    }

    private static void PerClassTable(StringBuilder html, IReadOnlyList<RunExport> runs)
    {
        var evaluated = runs.Where(r => r.Evaluation is not null).ToList();
        var classes = evaluated[0].Evaluation!.Classes;
        html.Append("<table id=\"per-class\">\n<tr><th>Class</th>");
        foreach (var run in evaluated)
            html.Append("<th>").Append(Encode(run.Id)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var c in classes)
        {
            html.Append("<tr><td>").Append(Encode(c)).Append("</td>");
            foreach (var run in evaluated)
                html.Append("<td class=\"num\">").Append(Percent(run.Evaluation!.PerClassAccuracy.TryGetValue(c, out var a) ? a : null)).Append("</td>");
            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Gallery(StringBuilder html, RunExport run, EvaluationSummary evaluation, IReadOnlyList<(ConfusionExample Example, byte[] Png)> pngs)
    {
        html.Append("<p>Worst class <b>").Append(Encode(evaluation.WorstClass)).Append("</b>");
        if (evaluation.MostConfusedWith is { } partner)
            html.Append(", most often taken for <b>").Append(Encode(partner)).Append("</b>");
        html.Append(".</p>\n");
        if (pngs.Count == 0)
        {
            html.Append("<p>No example images were saved for ").Append(Encode(run.Id)).Append(".</p>\n");
            return;
        }

        html.Append("<div class=\"gallery\">\n");
        foreach (var (example, png) in pngs)
        {
            var caption = string.Create(CultureInfo.InvariantCulture,
                $"#{example.Index}: {example.TrueClass} taken for {example.PredictedClass} (p {example.Probability:0.000})");
            html.Append("<figure><img alt=\"").Append(Encode(caption)).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(png)).Append("\"><figcaption>").Append(Encode(caption)).Append("</figcaption></figure>\n");
        }

        html.Append("</div>\n");
    }

    private static void PyTorchSection(StringBuilder html, IReadOnlyList<RunExport> runs, string pythonModels)
    {
        html.Append("<h2>Load the weights in PyTorch</h2>\n<p>Export a checkpoint as a state_dict, then build the matching module below and load it:</p>\n<pre><code>");
        html.Append("import hw4_models  # scripts/pytorch/hw4_models.py, printed below\n");
        foreach (var run in runs)
        {
            var kind = ModelFactory.Name(run.Run.TrainingConfig().Model);
            var file = $"{run.Id}.pt";
            html.Append(Encode($"# shell: dotnet run --project Hw4.Dashboard -- export --run {run.Id} --format pt --out {file}\n"))
                .Append(Encode($"model = hw4_models.load(\"{kind}\", \"{file}\")  # {kind}: hw4_models.{kind}(), strict load, eval mode\n"));
        }

        html.Append("</code></pre>\n<p>The input is float32 N×3×32×32 RGB in [0, 1] (pixel / 255), without mean/std normalisation. ")
            .Append("<code>hw4_models.py</code> (also in the repository as <code>scripts/pytorch/hw4_models.py</code>):</p>\n<pre><code id=\"pytorch-module\">")
            .Append(Encode(pythonModels)).Append("</code></pre>\n");
    }

    /// <summary>A run's chart data as report.js reads it (shared with the homework report).</summary>
    internal static object ChartData(RunExport run) => new
    {
        id = run.Id,
        model = ModelFactory.Name(run.Run.TrainingConfig().Model),
        epochs = run.Epochs.Select(e => new { epoch = e.Epoch, train_loss = e.TrainLoss, val_loss = e.ValLoss, val_accuracy = e.ValAccuracy }),
        best_epoch = run.BestEpoch,
        batches = run.Batches.Select(b => new { step = b.Step, loss = b.Loss }),
        evaluation = run.Evaluation is { } e
            ? new
            {
                accuracy = e.Accuracy,
                classes = e.Classes,
                per_class_accuracy = e.PerClassAccuracy,
                confusion_matrix = e.ConfusionMatrix,
                confusion_matrix_normalized = e.ConfusionMatrixNormalized,
            }
            : null,
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
