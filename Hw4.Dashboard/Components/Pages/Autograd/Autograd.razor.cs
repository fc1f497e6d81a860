using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Forms;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Pages.Autograd;

/// <summary>
/// The autograd page: Taylor sine value and gradient against cos, and the error as terms grow. Fields are parsed as
/// typed; while one is refused nothing computes, and a result shown for other inputs is marked stale.
/// </summary>
public sealed partial class Autograd
{
    [Inject]
    private DeviceContext Device { get; set; } = default!;

    /// <summary>The values of the last computation (the form's defaults until then).</summary>
    public AutogradForm Form { get; private set; } = new();

    /// <summary>The fields as typed.</summary>
    public AutogradInputs Inputs { get; private set; } = default!;

    /// <summary>Results and chart data.</summary>
    public AutogradState State { get; } = new();

    /// <summary>A one-line error from the last computation.</summary>
    public string? Error { get; private set; }

    /// <summary>The inputs the shown result was computed for.</summary>
    public AutogradForm ComputedFor { get; private set; } = new();

    /// <summary>A result is shown, and the fields no longer say what it was computed for.</summary>
    public bool Stale => State.Result is not null
        && (Inputs.ToForm() is not { } f || f.X != ComputedFor.X || f.Terms != ComputedFor.Terms || f.Seed != ComputedFor.Seed);

    private bool Busy { get; set; }

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        Inputs = new AutogradInputs(Form);
        // The defaults' result, computed in place (milliseconds): the circuit's first render then shows what the
        // prerendered page showed, where an awaited computation would first blank it to "Computing…" and the charts.
        if (Inputs.ToForm() is { } form)
            Compute(form);
    }

    private void OnInputChanged()
    {
        // The callback itself re-renders the page, so the button and the stale notice follow the fields.
    }

    private async Task ComputeAsync()
    {
        // A refused field computes nothing; the field already says why.
        if (Inputs.ToForm() is not { } form)
            return;
        Busy = true;
        try
        {
            // Off the circuit's thread; the whole computation (and its dispose scopes) runs on one pool thread.
            await Task.Run(() => Compute(form));
        }
        finally
        {
            Busy = false;
        }
    }

    private void Compute(AutogradForm form)
    {
        try
        {
            State.Compute(form, Device.Device);
            (Form, ComputedFor, Error) = (form, form, null);
        }
        catch (ArgumentException e)
        {
            Error = e.Message;
        }
    }

    private static string NumberTextFormat(double value) => NumberText.Format(value);
}
