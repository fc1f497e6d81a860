using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Hw4.Ml.Denoising;

namespace Hw4.Dashboard.Components.Pages.Denoise;

/// <summary>The sweep's grid as typed: comma-separated α and lr values (empty: each norm's defaults) and the steps per cell.</summary>
public sealed class SweepForm
{
    /// <summary>α values, e.g. "0.8, 1.5, 2.5"; empty for each norm's defaults.</summary>
    public string? Alphas { get; set; }

    /// <summary>Learning rates; empty for each norm's defaults.</summary>
    public string? Lrs { get; set; }

    /// <summary>Steps per cell.</summary>
    [Range(1, 100_000)]
    public int Steps { get; set; } = 200;

    /// <summary>The sweep over both norms with <paramref name="optimizer"/>, or the reason the fields cannot be used.</summary>
    public (DenoiseSweepOptions? Options, string? Error) Build(DenoiseOptimizer optimizer)
    {
        var (alphas, alphaError) = ParseList(Alphas, "α");
        var (lrs, lrError) = ParseList(Lrs, "lr");
        var error = alphaError ?? lrError;
        if (error is not null)
            return (null, error);
        var options = new DenoiseSweepOptions([DenoiseNorm.L1, DenoiseNorm.L2], alphas, lrs, Steps, optimizer);
        try
        {
            options.Validate();
            return (options, null);
        }
        catch (ArgumentException e)
        {
            return (null, e.Message);
        }
    }

    // Never echoes the input back: a bad value is named by its position.
    private static (IReadOnlyList<double>? Values, string? Error) ParseList(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, null);
        var tokens = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new List<double>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!double.TryParse(tokens[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                return (null, $"{name} value {i + 1} is not a number (use e.g. 0.5, 1.5).");
            values.Add(v);
        }

        return tokens.Length > 32 ? (null, $"At most 32 {name} values.") : (values, null);
    }
}
