using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Store;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Components.Pages.Runs;

/// <summary>The runs list from the index; reloads when the updater rewrites a run, and can rebuild the index.</summary>
public sealed partial class Runs : IDisposable
{
    [Inject]
    private RunIndex Index { get; set; } = default!;

    [Inject]
    private RunIndexUpdater Updater { get; set; } = default!;

    [Inject]
    private IOptions<Hw4Options> Options { get; set; } = default!;

    /// <summary>The runs shown.</summary>
    public IReadOnlyList<RunRecord> Items { get; private set; } = [];

    /// <summary>A note after a reindex.</summary>
    public string? Message { get; private set; }

    private bool Busy { get; set; }

    private string RunsDir => RunStorePaths.RunsDir(Options.Value);

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        Updater.Changed += OnRunChanged;
        Items = await Index.ListAsync();
    }

    private async Task ReindexAsync()
    {
        Busy = true;
        var count = await Index.RebuildAsync(RunsDir);
        Items = await Index.ListAsync();
        Message = $"Indexed {count} run(s).";
        Busy = false;
    }

    private void OnRunChanged(string runId) => _ = InvokeAsync(async () =>
    {
        Items = await Index.ListAsync();
        StateHasChanged();
    });

    /// <inheritdoc />
    public void Dispose() => Updater.Changed -= OnRunChanged;
}
