using System.Globalization;
using Hw4.Dashboard.Features.Report;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>
/// McNemar's test of CNN runs against residual runs on the same test images: the four counts, the p-value and how it
/// was computed, then what it says at the 5 % level. Plain markup, shared by Compare and the homework report.
/// </summary>
public sealed partial class PairedTestTable
{
    /// <summary>The significance level the verdict uses.</summary>
    public const double Level = 0.05;

    /// <summary>The tests, the chosen pair first.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<PairedTest> Tests { get; set; } = [];

    /// <summary>Why some pair has no test, or null.</summary>
    [Parameter]
    public string? Problem { get; set; }

    private string Images => ReportText.Count(Tests.Count == 0 ? 0 : Tests[0].Result.Images);

    private string Verdict
    {
        get
        {
            var level = (Level * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
            var p = Level.ToString(CultureInfo.InvariantCulture);
            var residual = Tests.Count(t => t.Result.PValue < Level && t.Result.SecondOnly > t.Result.FirstOnly);
            var cnn = Tests.Count(t => t.Result.PValue < Level && t.Result.FirstOnly > t.Result.SecondOnly);
            if (Tests.Count == 1)
            {
                return (residual, cnn) switch
                {
                    (1, _) => $"The residual CNN is right on significantly more test images than the CNN (p < {p}).",
                    (_, 1) => $"The CNN is right on significantly more test images than the residual CNN (p < {p}).",
                    _ => $"At the {level} level the two do not differ: neither is right on significantly more test images.",
                };
            }

            return (residual, cnn) switch
            {
                (0, 0) => $"At the {level} level no pair differs: in none of the {Tests.Count} pairs is one model right on significantly more test images.",
                (_, 0) => $"In {residual} of the {Tests.Count} pairs the residual CNN is right on significantly more test images (p < {p}); in the others neither differs.",
                (0, _) => $"In {cnn} of the {Tests.Count} pairs the CNN is right on significantly more test images (p < {p}); in the others neither differs.",
                _ => $"The pairs disagree: the residual CNN is significantly better in {residual}, the CNN in {cnn} of the {Tests.Count} pairs.",
            };
        }
    }

    private static string Count(int value) => ReportText.Count(value);

    private static string PValue(PairedTest test) => ReportText.PValue(test.Result.PValue);

    private static string Method(PairedTest test) =>
        test.Result.Statistic is { } chi
            ? string.Create(CultureInfo.InvariantCulture, $"{ReportText.Method(test.Result.Method)}, χ² = {chi:0.00}")
            : ReportText.Method(test.Result.Method);
}
