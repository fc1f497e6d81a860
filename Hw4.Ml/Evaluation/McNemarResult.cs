namespace Hw4.Ml.Evaluation;

/// <summary>
/// McNemar's paired test of two classifiers on the same test images: the four counts of right and wrong, and the
/// two-sided p-value of "both are equally accurate" computed from the discordant pairs <see cref="FirstOnly"/> and
/// <see cref="SecondOnly"/> by <see cref="Method"/>.
/// </summary>
/// <param name="Images">Test images compared.</param>
/// <param name="BothRight">Images both classify correctly.</param>
/// <param name="FirstOnly">Images only the first classifies correctly (b).</param>
/// <param name="SecondOnly">Images only the second classifies correctly (c).</param>
/// <param name="BothWrong">Images both get wrong.</param>
/// <param name="Statistic">The corrected chi-square statistic when <see cref="Method"/> is chi-square; null otherwise.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Method">How the p-value was computed.</param>
public sealed record McNemarResult(
    int Images,
    int BothRight,
    int FirstOnly,
    int SecondOnly,
    int BothWrong,
    double? Statistic,
    double PValue,
    McNemarMethod Method)
{
    /// <summary>The discordant pairs, b + c: the only images the test looks at.</summary>
    public int Discordant => FirstOnly + SecondOnly;
}
