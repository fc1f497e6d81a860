using Hw4.Dashboard.Features.Export;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// Turns a <see cref="HomeworkReport"/> into one HTML document. The report's markup is Razor components shared with
/// the pages, so the implementation lives with them (<c>Components/Report</c>) and the host registers it.
/// </summary>
public interface IReportHtmlRenderer
{
    /// <summary>
    /// The report as a complete HTML document; <paramref name="scriptNonce"/> is the Content-Security-Policy nonce when
    /// a page of the dashboard serves it (its scripts are inline).
    /// </summary>
    Task<string> RenderAsync(HomeworkReport report, ReportAssets assets, DateTimeOffset generatedUtc, string? scriptNonce = null);
}
