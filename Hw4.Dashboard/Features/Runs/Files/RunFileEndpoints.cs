using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Access;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Runs.Files;

/// <summary>
/// <c>GET /runs/{id}/files/{**path}</c>: serves one file of a run folder. A run folder is input anyone may have
/// written, so only an allow-list of types is shown in the browser (PNG images, JSON, and JSON Lines, CSV and text
/// as <c>text/plain</c>); everything else, an HTML or SVG page or a script included, is
/// <c>application/octet-stream</c> with <c>Content-Disposition: attachment</c>, so nothing from a run folder runs on
/// the dashboard's origin. Everything <see cref="RunFileResolver"/> refuses is 404, and so is any file
/// <see cref="AccessGrant.CanReadRunFile"/> does not allow (a viewer: only the shared run's files, checkpoints only
/// when the link allows them). The file is opened through the run folder's guarded reader: a regular file inside it,
/// checked on the descriptor it is then served from.
/// </summary>
public static class RunFileEndpoints
{
    /// <summary>The route pattern.</summary>
    public const string Pattern = "/runs/{id}/files/{**path}";

    /// <summary>The type of everything not on the allow-list: downloaded, never shown.</summary>
    public const string DownloadType = "application/octet-stream";

    private static readonly Dictionary<string, string> InlineTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".json"] = "application/json",
        [".jsonl"] = "text/plain; charset=utf-8",
        [".csv"] = "text/plain; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
    };

    /// <summary>The URL of a file of a run, relative to the app base (for links in pages).</summary>
    public static string Url(string runId, string relativePath) =>
        $"runs/{Uri.EscapeDataString(runId)}/files/{string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString))}";

    /// <summary>The content type served for a file name: its allow-listed type, else <see cref="DownloadType"/>.</summary>
    public static string ContentType(string fileName) =>
        InlineTypes.TryGetValue(Path.GetExtension(fileName), out var type) ? type : DownloadType;

    /// <summary>True when a file of this name is shown in the browser rather than downloaded.</summary>
    public static bool IsInline(string fileName) => InlineTypes.ContainsKey(Path.GetExtension(fileName));

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapRunFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Pattern, (string id, string? path, IOptions<Hw4Options> options, AccessPolicy access, HttpContext http) =>
        {
            if (!access.Evaluate(http.User).CanReadRunFile(id, path))
                return Results.NotFound();
            var artifactsDir = RunStorePaths.ArtifactsDir(options.Value);
            var file = RunFileResolver.Resolve(artifactsDir, id, path);
            if (file is null)
                return Results.NotFound();
            FileStream? stream;
            try
            {
                var dir = RunDirectory.Open(Path.Combine(artifactsDir, id), options.Value.RunFiles);
                stream = dir.OpenFile(Path.GetRelativePath(dir.Path, file), long.MaxValue);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                // Swapped for a pipe or a link since it was resolved: as missing.
                return Results.NotFound();
            }

            if (stream is null)
                return Results.NotFound();
            var name = Path.GetFileName(file);
            return IsInline(name)
                ? Results.File(stream, ContentType(name), enableRangeProcessing: true)
                : Results.File(stream, DownloadType, name, enableRangeProcessing: true);
        });
        return endpoints;
    }
}
