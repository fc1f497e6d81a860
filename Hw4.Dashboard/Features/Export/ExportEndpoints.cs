using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Access;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Export;

/// <summary>
/// The download endpoints, all in one route group so that access rules (sign-in, share links) can be added in one
/// place: <c>GET /api/runs/{id}/export?format=json|csv|html|pt[&amp;table=…][&amp;epoch=N]</c> and
/// <c>GET /api/compare/export?runs=a,b[,…]&amp;format=html</c>. Each answers the file as an attachment, 404 with the
/// reason when the run, evaluation or checkpoint does not exist, and 400 with the reason for a malformed request.
/// Access is <see cref="AccessPolicy"/>'s: an admin exports anything; a share link's viewer exports only the run or
/// comparison of the link (a checkpoint only where the link allows checkpoints); everything else answers 404, as a
/// run that does not exist does, so a link reveals nothing about other runs.
/// </summary>
public static class ExportEndpoints
{
    /// <summary>The URL of a run export, relative to the app base (for links in pages).</summary>
    public static string RunUrl(string runId, string format) => $"api/runs/{Uri.EscapeDataString(runId)}/export?format={Uri.EscapeDataString(format)}";

    /// <summary>The URL of a comparison report, relative to the app base.</summary>
    public static string CompareUrl(IEnumerable<string> runIds) =>
        $"api/compare/export?runs={Uri.EscapeDataString(string.Join(',', runIds))}&format=html";

    /// <summary>Maps the export endpoints; returns their group (add authorization or filters to it).</summary>
    public static RouteGroupBuilder MapExports(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api");
        group.MapGet("/runs/{id}/export", (string id, string? format, string? table, string? epoch, IOptions<Hw4Options> options, TimeProvider clock,
            AccessPolicy access, HttpContext http) =>
            Answer(() =>
            {
                var grant = access.Evaluate(http.User);
                var kind = Format(format);
                if (!grant.CanViewRun(id) || kind == ExportFormat.Pt && !grant.CanDownloadCheckpoints(id))
                    throw NoSuchRun(id);
                CsvTable? csvTable = table is null ? null : RunCsvExport.Parse(table) ?? throw new ExportInputException("table: use epochs, batches, confusion or per-class.");
                int? checkpoint = epoch is null ? null
                    : int.TryParse(epoch, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var e) && e >= 1 ? e
                    : throw new ExportInputException("epoch: give a whole number of 1 or more.");
                return RunExporter.ExportRun(RunStorePaths.ArtifactsDir(options.Value), id, new ExportRequest(kind, checkpoint, csvTable), clock, options.Value.RunFiles);
            }));
        group.MapGet("/compare/export", (string? runs, string? format, IOptions<Hw4Options> options, TimeProvider clock,
            AccessPolicy access, HttpContext http) =>
            Answer(() =>
            {
                var ids = (runs ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (!access.Evaluate(http.User).CanViewComparison(ids))
                    throw new ExportInputException("no such comparison.", notFound: true);
                return RunExporter.ExportComparison(RunStorePaths.ArtifactsDir(options.Value), ids, Format(format ?? "html"), clock, options.Value.RunFiles);
            }));
        return group;
    }

    // The same answer as for a run that does not exist.
    private static ExportInputException NoSuchRun(string id) =>
        new($"run {(Hw4.Ml.Runs.RunId.IsValid(id) ? id : "(invalid id)")}: no such run.", notFound: true);

    private static ExportFormat Format(string? format) =>
        RunExporter.ParseFormat(format) ?? throw new ExportInputException("format: use json, csv, html or pt.");

    // Exports read files and may load LibTorch: off the request thread, answered as a download or the reason.
    private static async Task<IResult> Answer(Func<ExportFile> export)
    {
        try
        {
            var file = await Task.Run(export);
            return Results.File(file.Content, file.ContentType, file.FileName);
        }
        catch (ExportInputException e)
        {
            return Results.Problem(e.Message, statusCode: e.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
        }
    }
}
