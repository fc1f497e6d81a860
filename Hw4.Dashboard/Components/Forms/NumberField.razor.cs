using Hw4.Dashboard.Features.Forms;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Forms;

/// <summary>
/// A numeric field that takes text as typed (<c>1e-3</c>, <c>0.0001</c>, <c>1e3</c>), shows under it the value it will use,
/// and refuses anything else in place with the reason. The state lives in a <see cref="NumberInput"/> the page owns.
/// </summary>
public sealed partial class NumberField
{
    /// <summary>The field's state.</summary>
    [Parameter, EditorRequired]
    public NumberInput Input { get; set; } = default!;

    /// <summary>The label.</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>The <c>data-testid</c> of the field.</summary>
    [Parameter]
    public string? TestId { get; set; }

    /// <summary>Greyed out and not editable.</summary>
    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>Raised after each edit (the input is already parsed).</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    // Phones show a keypad with a point (and, on most, a minus); the text is still free for an exponent.
    private static MudBlazor.InputMode DecimalMode => MudBlazor.InputMode.@decimal;

    private Task OnTextChangedAsync(string? text)
    {
        Input.Set(text);
        return Changed.InvokeAsync();
    }
}
