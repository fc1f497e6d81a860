using System.Globalization;
using Hw4.Dashboard.Features.Runs.Detail;
using Hw4.Dashboard.Features.Runs.Files;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>A run's checkpoint files with download links (served by <see cref="RunFileEndpoints"/>).</summary>
public sealed partial class CheckpointList
{
    /// <summary>The run.</summary>
    [Parameter, EditorRequired]
    public string RunId { get; set; } = "";

    /// <summary>Its checkpoints.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<CheckpointFile> Checkpoints { get; set; } = [];

    /// <summary>Whether download links are shown (a viewer's link may not allow them; the file endpoint refuses too).</summary>
    [Parameter]
    public bool AllowDownload { get; set; } = true;

    private string Url(CheckpointFile c) => RunFileEndpoints.Url(RunId, c.RelativePath);

    private static string FormatSize(long bytes) => bytes >= 1 << 20
        ? (bytes / (double)(1 << 20)).ToString("0.0 'MB'", CultureInfo.InvariantCulture)
        : (bytes / 1024.0).ToString("0.0 'KB'", CultureInfo.InvariantCulture);
}
