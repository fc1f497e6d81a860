using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Store;
using Microsoft.AspNetCore.Components;
using Hw4.Dashboard.Features.Models;

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

    [Inject]
    private Configuration.HostIdentity Host { get; set; } = default!;

    /// <summary>How long the homework's recipe takes here, measured on a finished epoch; null before any.</summary>
    public Features.Training.TrainingTimeEstimate? RecipeTime { get; private set; }

    /// <summary>The newest runs from the index, newest first.</summary>
    public IReadOnlyList<RunRow> RecentRuns { get; private set; } = [];

    // Measured here, or how it will be: never a guess such as "short".
    private string RecipeTimeText => RecipeTime is { } t
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"It takes {t.Duration} on this machine (measured on {t.RunName}: {t.ImagesPerSecond:N0} img/s).")
        : "How long it takes here shows on the Train page once its first batches are in (a 1-epoch run with a small limit measures it in seconds).";

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        Model = HomeModel.Create(Device.Name, Data);
        var runs = await Index.ListAsync();
        RecentRuns = HomeModel.Recent(runs, RecentCount);
        if (Features.Training.TrainingTimeEstimate.PickRun(runs, Host.Name) is { } timed && await Index.GetAsync(timed.Id) is { } withEpochs)
            RecipeTime = Features.Training.TrainingTimeEstimate.Of(withEpochs);
    }
}
