using Hw4.Dashboard.Features.Runs.Detail;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>A run's settings as a key/value table, with the raw run.json in an expansion panel.</summary>
public sealed partial class RunConfigPanel
{
    /// <summary>The flattened settings.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<ConfigRow> Rows { get; set; } = [];

    /// <summary>run.json as written, or null.</summary>
    [Parameter]
    public string? RawJson { get; set; }
}
