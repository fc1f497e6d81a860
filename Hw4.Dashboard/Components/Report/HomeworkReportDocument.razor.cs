using System.Globalization;
using Hw4.Dashboard.Features.Export;
using Hw4.Dashboard.Features.Report;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Report;

/// <summary>
/// The homework report as one HTML document, in the homework's order (1.1 Autograd, 1.2 Denoising, 2 Classifier,
/// Reproducibility) after a first page of the main figures beside the seed homework's. Rendered to a string by
/// <see cref="HomeworkReportRenderer"/>; plotly.js (the dashboard's cartesian bundle), the figures and every image are
/// inside, so it loads nothing from anywhere.
/// </summary>
public sealed partial class HomeworkReportDocument
{
    /// <summary>The section headings, in order.</summary>
    public static readonly IReadOnlyList<string> Headings = ["1.1 Autograd", "1.2 Denoising", "2 Classifier", "Reproducibility"];

    private static readonly string[] SectionIds = ["autograd", "denoising", "classifier", "reproducibility"];

    /// <summary>The report.</summary>
    [Parameter, EditorRequired]
    public HomeworkReport Report { get; set; } = default!;

    /// <summary>The embedded scripts and styles.</summary>
    [Parameter, EditorRequired]
    public ReportAssets Files { get; set; } = default!;

    /// <summary>When it was made.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset GeneratedUtc { get; set; }

    /// <summary>
    /// The Content-Security-Policy nonce of the response that serves the report in a page (the dashboard's "Open the
    /// report"), put on its two inline scripts so they may run; null for a file.
    /// </summary>
    [Parameter]
    public string? ScriptNonce { get; set; }

    private string Generated => GeneratedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private IReadOnlyList<GlanceRow> Glance { get; set; } = [];

    private static IEnumerable<(string Id, string Heading)> Contents => SectionIds.Zip(Headings);

    // plotly.js, then the script that draws every figure; inline, so the file is whole by itself.
    private string Scripts => $"<script{NonceAttribute}>\n{Files.Plotly}\n</script>\n<script{NonceAttribute}>\n{Files.Figures}\n</script>\n";

    // A nonce is base64url (SecurityHeaders.Nonce): nothing in it needs escaping in an attribute.
    private string NonceAttribute => ScriptNonce is { } nonce ? $" nonce=\"{nonce}\"" : "";

    private string MissingText => $"Not run yet: {string.Join(", ", Report.Missing.Select(ReportParts.Title))}.";

    private static string OffRecipeText(ReportChoice choice) => $"{ReportParts.Title(choice.Part)} (run {choice.RunId}): {string.Join("; ", choice.Differences)}.";

    /// <inheritdoc />
    protected override void OnParametersSet() => Glance = ReportReading.Glance(Report);
}
