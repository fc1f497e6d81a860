using System.ComponentModel.DataAnnotations;

namespace Hw4.Dashboard.Components.Pages.Autograd;

/// <summary>Inputs of the autograd page.</summary>
public sealed class AutogradForm
{
    /// <summary>The scalar point.</summary>
    [Range(-20.0, 20.0, ErrorMessage = "x must be between -20 and 20.")]
    public double X { get; set; } = Math.PI / 4;

    /// <summary>Series terms.</summary>
    [Range(1, 30, ErrorMessage = "Terms must be between 1 and 30.")]
    public int Terms { get; set; } = Hw4.Ml.Autograd.TaylorSine.DefaultTerms;

    /// <summary>Seed of the 100 points.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Seed must be zero or positive.")]
    public int Seed { get; set; }
}
