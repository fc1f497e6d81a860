namespace Hw4.Ml.Evaluation;

/// <summary>How a <see cref="McNemarResult"/>'s p-value was computed.</summary>
public enum McNemarMethod
{
    /// <summary>No image was classified differently by the two runs: nothing to test (p = 1).</summary>
    NoDiscordantPairs,

    /// <summary>The exact two-sided binomial test on the discordant pairs (used below <see cref="McNemarTest.ExactBelow"/> of them).</summary>
    ExactBinomial,

    /// <summary>The chi-square statistic with Edwards' continuity correction, (|b − c| − 1)² / (b + c), one degree of freedom.</summary>
    ChiSquareCorrected,
}
