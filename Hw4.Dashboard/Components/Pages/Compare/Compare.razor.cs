using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Store;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Pages.Compare;

/// <summary>Overlays the per-epoch losses of chosen runs and tabulates their best results.</summary>
public sealed partial class Compare
{
    [Inject]
    private RunIndex Index { get; set; } = default!;

    /// <summary>Runs that can be picked.</summary>
    public IReadOnlyList<RunRecord> AllRuns { get; private set; } = [];

    /// <summary>The picked run ids.</summary>
    public IReadOnlyCollection<string> SelectedIds { get; private set; } = [];

    /// <summary>Chart and table of the picked runs.</summary>
    public CompareModel Model { get; private set; } = CompareModel.Create([]);

    /// <inheritdoc />
    protected override async Task OnInitializedAsync() => AllRuns = await Index.ListAsync();

    private async Task OnSelectionChangedAsync(IEnumerable<string?>? ids)
    {
        SelectedIds = (ids ?? []).OfType<string>().ToList();
        var runs = new List<RunRecord>();
        foreach (var id in SelectedIds)
        {
            if (await Index.GetAsync(id) is { } run)
                runs.Add(run);
        }

        Model = CompareModel.Create(runs);
    }
}
