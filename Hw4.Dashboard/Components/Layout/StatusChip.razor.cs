using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Queue;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Layout;

/// <summary>Shows the device and the queue length; re-renders when the queue changes.</summary>
public sealed partial class StatusChip : IDisposable
{
    [Inject]
    private DeviceContext Device { get; set; } = default!;

    [Inject]
    private RunQueue Queue { get; set; } = default!;

    /// <summary>E.g. <c>cpu · queue 2</c>.</summary>
    public string Label => $"{Device.Name} · queue {Queue.Length}";

    /// <summary>Longer text for the tooltip.</summary>
    public string Tooltip => Queue.Active is { } active
        ? $"Device {Device.Name}; running {active.Job.Description}; {Queue.Waiting.Count} waiting"
        : $"Device {Device.Name}; idle";

    /// <inheritdoc />
    protected override void OnInitialized() => Queue.Changed += OnQueueChanged;

    private void OnQueueChanged() => _ = InvokeAsync(StateHasChanged);

    /// <inheritdoc />
    public void Dispose() => Queue.Changed -= OnQueueChanged;
}
