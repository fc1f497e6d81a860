using Hw4.Dashboard.Features.Report;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Report;

/// <summary>Reproducibility: per figure, its run, device, dataset hash, the commands that make it again and what they give.</summary>
public sealed partial class ReproducibilitySection
{
    /// <summary>The report.</summary>
    [Parameter, EditorRequired]
    public HomeworkReport Report { get; set; } = default!;

    private IReadOnlyList<ReproduceRow> Rows { get; set; } = [];

    private static string Folder => Environment.CurrentDirectory;

    // One line per distinct set of versions, naming the figures that ran with it.
    private IEnumerable<(string Who, string Versions)> Versions => Rows
        .GroupBy(r => string.Join(", ", r.Versions.Select(kv => $"{kv.Key} {kv.Value}")))
        .Select(g => (string.Join(", ", g.Select(r => r.Figure)), g.Key.Length == 0 ? "not recorded" : g.Key));

    /// <inheritdoc />
    protected override void OnParametersSet() => Rows = ReproduceCommands.For(Report);

    private static string Hash(string? hash) => hash is { Length: > 12 } h ? h[..12] + "…" : hash ?? "–";
}
