using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Store;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Pages.Home;

/// <summary>The home page: what each page is for, where to start, the last few runs, and this server's device and data.</summary>
public sealed partial class Home
{
    /// <summary>How many recent runs the page lists.</summary>
    public const int RecentCount = 5;

    [Inject]
    private DeviceContext Device { get; set; } = default!;

    [Inject]
    private DataLocator Data { get; set; } = default!;

    [Inject]
    private RunIndex Index { get; set; } = default!;

    /// <summary>What the page shows about the server.</summary>
    public HomeModel Model { get; private set; } = default!;

    /// <summary>The newest runs from the index, newest first.</summary>
    public IReadOnlyList<RunRow> RecentRuns { get; private set; } = [];

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        Model = HomeModel.Create(Device.Name, Data);
        RecentRuns = HomeModel.Recent(await Index.ListAsync(), RecentCount);
    }
}
