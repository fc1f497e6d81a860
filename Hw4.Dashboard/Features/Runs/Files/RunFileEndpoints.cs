using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Access;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Runs.Files;

/// <summary>
/// <c>GET /runs/{id}/files/{**path}</c>: serves one file of a run folder (checkpoints, evaluation.json, example PNGs)
/// with its content type; checkpoints download as attachments. Everything <see cref="RunFileResolver"/> refuses is 404,
/// and so is any file <see cref="AccessGrant.CanReadRunFile"/> does not allow (a viewer: only the shared run's files,
/// checkpoints only when the link allows them).
/// </summary>
public static class RunFileEndpoints
{
    /// <summary>The route pattern.</summary>
    public const string Pattern = "/runs/{id}/files/{**path}";

    /// <summary>The URL of a file of a run, relative to the app base (for links in pages).</summary>
    public static string Url(string runId, string relativePath) =>
        $"runs/{Uri.EscapeDataString(runId)}/files/{string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString))}";

    /// <summary>The content type served for a file name.</summary>
    public static string ContentType(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".params" or ".pt" or ".bin")
            return "application/octet-stream";
        if (extension == ".jsonl")
            return "application/x-ndjson";
        return new FileExtensionContentTypeProvider().TryGetContentType(fileName, out var type) ? type : "application/octet-stream";
    }

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapRunFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Pattern, (string id, string? path, IOptions<Hw4Options> options, AccessPolicy access, HttpContext http) =>
        {
            if (!access.Evaluate(http.User).CanReadRunFile(id, path))
                return Results.NotFound();
            var file = RunFileResolver.Resolve(RunStorePaths.ArtifactsDir(options.Value), id, path);
            if (file is null)
                return Results.NotFound();
            var type = ContentType(file);
            // Model weights are for saving, not for showing; images and JSON open in the browser.
            var downloadName = type == "application/octet-stream" ? Path.GetFileName(file) : null;
            return Results.File(file, type, downloadName, enableRangeProcessing: true);
        });
        return endpoints;
    }
}
