using System.Text;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Export;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// <c>GET /api/report?format=html|pdf[&amp;download=false][&amp;KEY=RUN_ID…]</c>: the homework report of this machine's
/// runs, made as the <c>report</c> verb makes it, with a part's run chosen by its key (<c>cnn</c>, <c>l1</c>, …, as the
/// /report page keeps them in its address). An admin's report uses any run; a report share link's viewer gets the report
/// of the link's runs only; anyone else gets 404, as for a run they may not see; 400 for an unknown format or a run
/// that does not fit its part; 503 with the reason when the PDF cannot be printed (no Chromium).
/// </summary>
public static class ReportEndpoints
{
    /// <summary>The report's URL, relative to the app base, for the runs of <paramref name="selection"/>.</summary>
    public static string Url(string format, bool download = true, IReadOnlyDictionary<ReportPart, string>? selection = null)
    {
        var query = new StringBuilder($"api/report?format={format}{(download ? "" : "&download=false")}");
        foreach (var part in ReportParts.All)
        {
            if (selection is not null && selection.TryGetValue(part, out var id))
                query.Append('&').Append(ReportParts.Key(part)).Append('=').Append(Uri.EscapeDataString(id));
        }

        return query.ToString();
    }

    /// <summary>The runs a query names, by part (unknown keys are ignored).</summary>
    public static IReadOnlyDictionary<ReportPart, string> Selection(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReportParts.All
            .Where(part => query.TryGetValue(ReportParts.Key(part), out var v) && !string.IsNullOrWhiteSpace(v.ToString()))
            .ToDictionary(part => part, part => query[ReportParts.Key(part)].ToString());
    }

    /// <summary>Maps the report endpoint.</summary>
    public static IEndpointRouteBuilder MapHomeworkReport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/report", async (string? format, bool? download, IOptions<Hw4Options> options, DataLocator data, TimeProvider clock,
            AccessPolicy access, ReportGate gate, IReportHtmlRenderer renderer, HttpContext http, CancellationToken cancellationToken) =>
        {
            // An admin's report is made of any runs; a report link's viewer gets the runs of the link, nothing else.
            var grant = access.Evaluate(http.User);
            if (grant.ReportRuns is { Count: 0 })
                return Results.Problem("no such report.", statusCode: StatusCodes.Status404NotFound);
            if (format is not ("html" or "pdf"))
                return Results.Problem("format: use html or pdf.", statusCode: StatusCodes.Status400BadRequest);
            var selection = Selection(http.Request.Query);
            var name = download == false ? null : $"hw4-report.{format}";
            try
            {
                // One report at a time: a link holder asking repeatedly queues behind the first, not beside it.
                var bytes = await gate.RunAsync(async () =>
                {
                    var report = await Task.Run(() => HomeworkReportBuilder.Build(RunStorePaths.ArtifactsDir(options.Value), selection, data.CifarArchive, onlyRuns: grant.ReportRuns, limits: options.Value.RunFiles), cancellationToken);
                    // Opened in the browser the response's Content-Security-Policy applies: its nonce lets the inline scripts run.
                    var html = await renderer.RenderAsync(report, ReportAssets.Load(), clock.GetUtcNow(), SecurityHeaders.Nonce(http));
                    return format == "html" ? Encoding.UTF8.GetBytes(html) : await ReportPdf.PrintAsync(html, null, cancellationToken);
                }, cancellationToken);
                return Results.File(bytes, format == "html" ? "text/html; charset=utf-8" : "application/pdf", name);
            }
            catch (ExportInputException e)
            {
                return Results.Problem(e.Message, statusCode: e.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
            }
            catch (InvalidOperationException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return endpoints;
    }
}
