using Hw4.Ml.Denoising;

namespace Hw4.Dashboard.Arguments;

/// <summary>The command line's names for norms and optimizers, shared by <c>denoise</c> and <c>denoise-sweep</c>.</summary>
public static class DenoiseLabels
{
    /// <summary>Accepted <c>--norm</c> values.</summary>
    public static IReadOnlyList<string> Norms { get; } = ["l1", "l2"];

    /// <summary>Accepted <c>--optimizer</c> values.</summary>
    public static IReadOnlyList<string> Optimizers { get; } = ["gd", "adam", "primal-dual"];

    /// <summary>The norm called <paramref name="value"/>.</summary>
    public static DenoiseNorm ParseNorm(string value) => value.Trim().ToLowerInvariant() switch
    {
        "l1" => DenoiseNorm.L1,
        "l2" => DenoiseNorm.L2,
        _ => throw new CliInputException($"Unknown norm '{value}'; use {string.Join(" or ", Norms)}."),
    };

    /// <summary>The optimizer called <paramref name="value"/>.</summary>
    public static DenoiseOptimizer ParseOptimizer(string value) => value.Trim().ToLowerInvariant() switch
    {
        "gd" => DenoiseOptimizer.Gd,
        "adam" => DenoiseOptimizer.Adam,
        "primal-dual" => DenoiseOptimizer.PrimalDual,
        _ => throw new CliInputException($"Unknown optimizer '{value}'; use {string.Join(", ", Optimizers)}."),
    };

    /// <summary>The command-line name of <paramref name="norm"/>.</summary>
    public static string Of(DenoiseNorm norm) => norm == DenoiseNorm.L2 ? "l2" : "l1";

    /// <summary>The command-line name of <paramref name="optimizer"/>.</summary>
    public static string Of(DenoiseOptimizer optimizer) => optimizer switch
    {
        DenoiseOptimizer.Adam => "adam",
        DenoiseOptimizer.PrimalDual => "primal-dual",
        _ => "gd",
    };
}
