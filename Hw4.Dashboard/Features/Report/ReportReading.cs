using System.Globalization;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Models;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// What the report says about its numbers, computed once for every format: the first page's figures beside the seed's,
/// the answer to "is L2 better or worse than L1?", what the seed's step does, and the worst class's confusions.
/// </summary>
public static class ReportReading
{
    /// <summary>The first page's lines.</summary>
    public static IReadOnlyList<GlanceRow> Glance(HomeworkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<GlanceRow>
        {
            new($"1.1 max |dz/dx − cos x| over {report.Taylor.Points} points", report.Taylor.MaxAbsErrorOverPoints.ToString("0.###E+0", CultureInfo.InvariantCulture), "–", "–"),
        };
        foreach (var part in new[] { ReportPart.GdL1, ReportPart.GdL2 })
            rows.Add(new($"1.2 PSNR, {ReportParts.Label(part)}", report.Denoise(part) is { } r ? ReportText.DenoiseOutcome(r) : ReportText.NotRunYet, "–", "–"));
        var (verdict, _) = L2AgainstL1(report);
        rows.Add(new("1.2 Is L2 better than L1?", verdict ?? ReportText.NotRunYet, SeedFigures.L2Verdict, verdict is null ? "–" : verdict.StartsWith("better", StringComparison.Ordinal) ? "disagrees" : "agrees"));
        rows.Add(new("1.2 The seed's setting with L2", report.Denoise(ReportPart.SeedL2) is { } s ? ReportText.DenoiseOutcome(s) : ReportText.NotRunYet, "–", "–"));
        foreach (var model in new[] { ModelKind.Cnn, ModelKind.Residual })
        {
            var name = Features.Models.ModelDisplayName.Of(model);
            var seed = SeedFigures.Accuracy(model);
            if (report.Training(model) is not { } run)
            {
                rows.Add(new($"2 {name} test accuracy", ReportText.NotRunYet, ReportText.SeedPercent(seed), "–"));
                continue;
            }

            var accuracy = run.Run.Evaluation?.Accuracy;
            rows.Add(new($"2 {name} test accuracy (run {run.Run.Id}, seed {run.Run.Run.TrainingConfig().Seed})", ReportText.Percent(accuracy), ReportText.SeedPercent(seed),
                accuracy is { } a ? ReportText.Points(a - seed) : "–"));
            if (run.Group is { Members.Count: > 1 } group)
                rows.Add(new($"2 {name} test accuracy over {group.Members.Count} seeds (mean ± std)", ReportText.MeanStd(group.Spread.Accuracy), ReportText.SeedPercent(seed),
                    ReportText.Points(group.Spread.Accuracy.Mean - seed)));
            rows.Add(new($"2 {name} chosen epoch", run.Run.BestEpoch?.ToString(CultureInfo.InvariantCulture) ?? "–", SeedFigures.ChosenEpoch.ToString(CultureInfo.InvariantCulture),
                run.Run.BestEpoch is { } b ? (b - SeedFigures.ChosenEpoch).ToString("+0;-0;0", CultureInfo.InvariantCulture) : "–"));
        }

        if (report.Cnn?.Run.Evaluation is { } e)
        {
            var worst = SeedFigures.ClassAccuracy(e.WorstClass);
            rows.Add(new($"2 CNN worst class: {e.WorstClass}", ReportText.Percent(e.PerClassAccuracy.GetValueOrDefault(e.WorstClass)), ReportText.SeedPercent(worst),
                worst is { } w ? ReportText.Points(e.PerClassAccuracy.GetValueOrDefault(e.WorstClass) - w) : "–"));
            foreach (var (from, to) in new[] { ("cat", "dog"), ("dog", "cat") })
            {
                if (Confusion(e, from, to) is { } share)
                    rows.Add(new($"2 CNN {from} taken for {to}", ReportText.Percent(share), ReportText.SeedPercent(SeedFigures.Confusion(from, to)),
                        SeedFigures.Confusion(from, to) is { } sc ? ReportText.Points(share - sc) : "–"));
            }
        }

        if (report.Paired.Count > 0)
        {
            var first = report.Paired[0].Result;
            rows.Add(new("2 CNN against residual, McNemar (chosen runs)",
                string.Create(CultureInfo.InvariantCulture, $"p {ReportText.PValue(first.PValue)} (b {first.FirstOnly}, c {first.SecondOnly})"), "–", "–"));
        }

        return rows;
    }

    /// <summary>
    /// The homework's question on the gradient-descent runs: "better" or "worse" with the PSNR difference, and the
    /// sentence that answers it; nulls while a run is missing or diverged.
    /// </summary>
    public static (string? Verdict, string? Answer) L2AgainstL1(HomeworkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Denoise(ReportPart.GdL1) is not { Diverged: false, Summary.DenoisePsnr: { } p1 } || report.Denoise(ReportPart.GdL2) is not { Diverged: false, Summary.DenoisePsnr: { } p2 })
            return (null, null);
        var delta = p2 - p1;
        var word = delta > 0 ? "better" : delta < 0 ? "worse" : "as good";
        var verdict = string.Create(CultureInfo.InvariantCulture, $"{word} ({delta:+0.00;-0.00} dB)");
        var answer = string.Create(CultureInfo.InvariantCulture,
            $"L2 is {word} than L1: with gradient descent at each norm's best stable point, L2 reaches {ReportText.Psnr(p2)} against L1's {ReportText.Psnr(p1)} ({delta:+0.00;-0.00} dB).");
        if (delta < 0)
            answer += " Why: the squared gradient penalises a large step, an edge, quadratically, so at any α that removes the noise L2 also blurs the edges; L1 (total variation) charges an edge only by its height, so it keeps edges and flattens the noise between them.";
        answer += $" The seed's answer was \"{SeedFigures.L2Verdict}\"; these runs {(delta > 0 ? "disagree" : "agree")}.";
        return (verdict, answer);
    }

    /// <summary>Why plain gradient descent on the L2 loss diverges at <paramref name="lr"/>, for weight <paramref name="alpha"/>.</summary>
    public static string L2StepBound(double lr, double alpha) => string.Create(CultureInfo.InvariantCulture,
        $"The L2 loss's gradient, 2(J − I) + 2α·∇ᵀ∇J, has largest eigenvalue 2(1 + 8α) = {2 * (1 + 8 * alpha):0.##}, so gradient descent is stable only for lr < 1/(1 + 8α) = {1 / (1 + 8 * alpha):0.###}; lr {lr} is {lr * (1 + 8 * alpha):0.#} times that, and every step multiplies the error instead of shrinking it.");

    /// <summary>The share of <paramref name="trueClass"/>'s test images predicted as <paramref name="predicted"/>, or null when either is not a class.</summary>
    public static double? Confusion(EvaluationSummary evaluation, string trueClass, string predicted)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var classes = evaluation.Classes.ToList();
        var (r, c) = (classes.IndexOf(trueClass), classes.IndexOf(predicted));
        return r < 0 || c < 0 ? null : evaluation.ConfusionMatrixNormalized[r][c];
    }
}
