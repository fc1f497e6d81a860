using Hw4.Dashboard.Features.Runs.Detail;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>The visible alert of a diverged run: the epoch, the batch and the last finite loss.</summary>
public sealed partial class DivergenceAlert
{
    /// <summary>Where it diverged.</summary>
    [Parameter, EditorRequired]
    public DivergenceInfo Info { get; set; } = default!;
}
