using Hw4.Dashboard.Features.Forms;

namespace Hw4.Dashboard.Components.Pages.Autograd;

/// <summary>The autograd page's fields as typed, each parsed under its <see cref="AutogradForm"/> range.</summary>
public sealed class AutogradInputs
{
    /// <summary>Fields holding <paramref name="form"/>'s values.</summary>
    public AutogradInputs(AutogradForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        X = new NumberInput(NumberRule.For<AutogradForm>(nameof(AutogradForm.X), "x"), form.X);
        Terms = new NumberInput(NumberRule.For<AutogradForm>(nameof(AutogradForm.Terms), "Terms"), form.Terms);
        Seed = new NumberInput(NumberRule.For<AutogradForm>(nameof(AutogradForm.Seed), "Seed"), form.Seed);
    }

    /// <summary>The scalar point.</summary>
    public NumberInput X { get; }

    /// <summary>Series terms.</summary>
    public NumberInput Terms { get; }

    /// <summary>Seed of the 100 points.</summary>
    public NumberInput Seed { get; }

    /// <summary>Every field is accepted.</summary>
    public bool IsValid => X.IsValid && Terms.IsValid && Seed.IsValid;

    /// <summary>The form these fields describe; null while any is refused.</summary>
    public AutogradForm? ToForm() => IsValid
        ? new AutogradForm { X = X.Value!.Value, Terms = Terms.IntValue!.Value, Seed = Seed.IntValue!.Value }
        : null;
}
