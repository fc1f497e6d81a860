using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Store;
using Hw4.Dashboard.Features.Streaming;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Pages.Runs;

/// <summary>One run: its indexed record and folder data, plus live events when it is (or was, since start) active.</summary>
public sealed partial class RunDetail
{
    /// <summary>The run id from the route.</summary>
    [Parameter]
    public string Id { get; set; } = "";

    [Inject]
    private RunIndex Index { get; set; } = default!;

    [Inject]
    private RunEventNotifier Notifier { get; set; } = default!;

    /// <summary>The indexed run, or null.</summary>
    public RunRecord? Record { get; private set; }

    /// <summary>Per-batch losses read from the run folder.</summary>
    public IReadOnlyList<(double Step, double Loss)> BatchLosses { get; private set; } = [];

    /// <summary>True when the notifier has events for this run.</summary>
    public bool IsLive { get; private set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        Record = await Index.GetAsync(Id);
        BatchLosses = Record is null ? [] : RunFolder.ReadBatchLosses(Record.Directory);
        IsLive = Notifier.Log.LastSeq(Id) > 0;
    }
}
