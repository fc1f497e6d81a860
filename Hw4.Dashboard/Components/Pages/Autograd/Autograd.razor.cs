using Hw4.Dashboard.Features.Device;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Pages.Autograd;

/// <summary>The autograd page: Taylor sine value and gradient against cos, and the error as terms grow.</summary>
public sealed partial class Autograd
{
    [Inject]
    private DeviceContext Device { get; set; } = default!;

    /// <summary>The inputs.</summary>
    public AutogradForm Form { get; } = new();

    /// <summary>Results and chart data.</summary>
    public AutogradState State { get; } = new();

    /// <summary>A one-line error from the last computation.</summary>
    public string? Error { get; private set; }

    private bool Busy { get; set; }

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => ComputeAsync();

    private async Task ComputeAsync()
    {
        Busy = true;
        try
        {
            // Off the circuit's thread; the whole computation (and its dispose scopes) runs on one pool thread.
            await Task.Run(() => State.Compute(Form, Device.Device));
            Error = null;
        }
        catch (ArgumentException e)
        {
            Error = e.Message;
        }
        finally
        {
            Busy = false;
        }
    }
}
