namespace Hw4.Ml.Evaluation;

/// <summary>
/// McNemar's test for two classifiers evaluated on the same test set (Dietterich 1998 recommends it for comparing two
/// models trained once each): of the images exactly one of them gets right, are the two directions equally likely?
/// Below <see cref="ExactBelow"/> discordant pairs the exact binomial test is used (the chi-square approximation is
/// poor there); from it on, the chi-square statistic with continuity correction.
/// </summary>
public static class McNemarTest
{
    /// <summary>Fewer discordant pairs than this use the exact binomial test.</summary>
    public const int ExactBelow = 25;

    /// <summary>Compares <paramref name="first"/> and <paramref name="second"/> image by image.</summary>
    /// <exception cref="ArgumentException">The two were not evaluated on the same images (lengths or true labels differ).</exception>
    public static McNemarResult Compare(TestPredictions first, TestPredictions second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Truth.Length != first.Predicted.Length || second.Truth.Length != second.Predicted.Length)
            throw new ArgumentException("predictions.json holds a different number of true and predicted labels.");
        if (!first.Truth.AsSpan().SequenceEqual(second.Truth))
            throw new ArgumentException(
                $"the two runs were not evaluated on the same test images ({first.Truth.Length} and {second.Truth.Length} images, or other true labels).");
        int both = 0, firstOnly = 0, secondOnly = 0, neither = 0;
        for (var i = 0; i < first.Truth.Length; i++)
        {
            switch (first.IsCorrect(i), second.IsCorrect(i))
            {
                case (true, true): both++; break;
                case (true, false): firstOnly++; break;
                case (false, true): secondOnly++; break;
                default: neither++; break;
            }
        }

        return FromCounts(both, firstOnly, secondOnly, neither);
    }

    /// <summary>The test from the four counts.</summary>
    public static McNemarResult FromCounts(int bothRight, int firstOnly, int secondOnly, int bothWrong)
    {
        if (bothRight < 0 || firstOnly < 0 || secondOnly < 0 || bothWrong < 0)
            throw new ArgumentOutOfRangeException(nameof(bothRight), "counts must be zero or more.");
        var n = bothRight + firstOnly + secondOnly + bothWrong;
        var discordant = firstOnly + secondOnly;
        if (discordant == 0)
            return new McNemarResult(n, bothRight, firstOnly, secondOnly, bothWrong, null, 1, McNemarMethod.NoDiscordantPairs);
        if (discordant < ExactBelow)
            return new McNemarResult(n, bothRight, firstOnly, secondOnly, bothWrong, null,
                ExactTwoSided(Math.Min(firstOnly, secondOnly), discordant), McNemarMethod.ExactBinomial);
        var excess = Math.Abs(firstOnly - secondOnly) - 1.0;
        var chi = excess <= 0 ? 0 : excess * excess / discordant;
        return new McNemarResult(n, bothRight, firstOnly, secondOnly, bothWrong, chi, ChiSquareOneDofSurvival(chi), McNemarMethod.ChiSquareCorrected);
    }

    // 2·P(X ≤ k) for X ~ Binomial(n, ½), capped at 1; n is small here (below ExactBelow), so plain doubles are exact enough.
    private static double ExactTwoSided(int k, int n)
    {
        double term = Math.Pow(0.5, n), sum = 0;
        for (var i = 0; i <= k; i++)
        {
            sum += term;
            term *= (double)(n - i) / (i + 1);
        }

        return Math.Min(1, 2 * sum);
    }

    // P(χ²₁ > x) = erfc(√(x/2)).
    private static double ChiSquareOneDofSurvival(double x) => Erfc(Math.Sqrt(x / 2));

    // The complementary error function by the Chebyshev fit of Press et al. (Numerical Recipes, "erfcc"): fractional
    // error below 1.2e-7 everywhere, ample for a p-value.
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        var value = t * Math.Exp(poly);
        return x >= 0 ? value : 2 - value;
    }
}
