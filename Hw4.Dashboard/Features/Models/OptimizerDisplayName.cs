using Hw4.Ml.Denoising;

namespace Hw4.Dashboard.Features.Models;

/// <summary>
/// How the UI writes a denoising optimizer, everywhere (cards, run pages, the runs list, the estimate): one spelling,
/// "Primal-dual" as the form's select says it, never the enum's "PrimalDual" or run.json's <c>primal_dual</c>.
/// </summary>
public static class OptimizerDisplayName
{
    /// <summary>The display name of <paramref name="optimizer"/>.</summary>
    public static string Of(DenoiseOptimizer optimizer) => optimizer switch
    {
        DenoiseOptimizer.Gd => "Gradient descent",
        DenoiseOptimizer.Adam => "Adam",
        DenoiseOptimizer.PrimalDual => "Primal-dual",
        _ => optimizer.ToString(),
    };

    /// <summary>The display name of a stored optimizer name (<c>gd</c>, <c>adam</c>, <c>primal_dual</c>); an unknown one as stored, null as a dash.</summary>
    public static string Of(string? stored) => stored?.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        null or "" => "–",
        "gd" => Of(DenoiseOptimizer.Gd),
        "adam" => Of(DenoiseOptimizer.Adam),
        "primaldual" => Of(DenoiseOptimizer.PrimalDual),
        _ => stored,
    };

    /// <summary>A norm as the UI writes it: <c>L1</c>, <c>L2</c>.</summary>
    public static string Of(DenoiseNorm norm) => norm.ToString().ToUpperInvariant();
}
