namespace Hw4.Ml.Recipes;

/// <summary>One setting in which a run departs from the homework's recipe.</summary>
/// <param name="Setting">The setting, as the CLI spells it (<c>epochs</c>, <c>limit</c>, <c>lr</c>, …).</param>
/// <param name="Value">The run's value.</param>
/// <param name="Expected">The recipe's value.</param>
public sealed record RecipeDifference(string Setting, string Value, string Expected)
{
    /// <summary>E.g. <c>epochs 2, not 15</c>.</summary>
    public override string ToString() => $"{Setting} {Value}, not {Expected}";
}
