using Hw4.Ml.IO;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Runs.Files;

/// <summary>
/// Maps a request for a file of a run (<c>runs/{id}/files/{path}</c>) to a file inside that run's folder, or refuses:
/// an invalid run id, an empty, absolute or dotted (<c>.</c>, <c>..</c>) path, anything that resolves outside the run
/// folder, and any symbolic link on the way (a link could point anywhere) all give null, as does a missing file or
/// anything but a regular file (a named pipe would block the request forever, a device would never end).
/// </summary>
public static class RunFileResolver
{
    /// <summary>The full path of the requested file, or null when it is refused or missing.</summary>
    public static string? Resolve(string artifactsDir, string runId, string? relativePath)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        if (!RunId.IsValid(runId) || string.IsNullOrEmpty(relativePath) || relativePath.Contains('\0'))
            return null;
        if (Path.IsPathRooted(relativePath) || relativePath[0] is '/' or '\\')
            return null;
        var segments = relativePath.Split('/', '\\');
        if (segments.Any(s => s.Length == 0 || s is "." or ".."))
            return null;

        var runDir = Path.GetFullPath(Path.Combine(artifactsDir, runId));
        var full = Path.GetFullPath(Path.Combine([runDir, .. segments]));
        if (!full.StartsWith(runDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return null;

        // Every folder below the run folder, and the file itself, must be a real entry, not a link.
        var current = runDir;
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            if (!info.Exists && !Directory.Exists(current))
                return null;
            if (info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint))
                return null;
        }

        return InputFile.KindOf(full) == FileKind.Regular ? full : null;
    }
}
