namespace Hw4.Ml.Models;

/// <summary>The two networks of the homework.</summary>
public enum ModelKind
{
    /// <summary>The seed's 4-conv CNN (387,810 parameters).</summary>
    Cnn,

    /// <summary>The CNN whose last two conv blocks are identity-shortcut residual blocks (568,010 parameters).</summary>
    Residual,
}
