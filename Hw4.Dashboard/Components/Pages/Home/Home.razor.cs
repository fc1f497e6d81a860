using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Device;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Pages.Home;

/// <summary>The home page: version, device and data discovery.</summary>
public sealed partial class Home
{
    [Inject]
    private DeviceContext Device { get; set; } = default!;

    [Inject]
    private DataLocator Data { get; set; } = default!;

    /// <summary>What the page shows.</summary>
    public HomeModel Model { get; private set; } = default!;

    /// <inheritdoc />
    protected override void OnInitialized() => Model = HomeModel.Create(Device.Name, Data);
}
