using System.Collections.Concurrent;
using Hw4.Ml.Models;

namespace Hw4.Dashboard.Features.Runs.Detail;

/// <summary>
/// The layer table of each model kind (<see cref="ModelSummary"/>), computed once per kind by building the network and
/// running a zero image through it, then kept for the process.
/// </summary>
public sealed class ModelSummaryProvider
{
    private readonly ConcurrentDictionary<ModelKind, Lazy<ModelSummary>> _summaries = new();

    /// <summary>The summary of the model named <paramref name="model"/> (cnn, residual); null for an unknown name.</summary>
    public ModelSummary? Get(string? model) =>
        Kind(model) is { } kind ? _summaries.GetOrAdd(kind, k => new Lazy<ModelSummary>(() => Compute(k))).Value : null;

    /// <summary>The summary of <paramref name="model"/> if it was computed already (no network is built); null otherwise.</summary>
    public ModelSummary? Computed(string? model) =>
        Kind(model) is { } kind && _summaries.TryGetValue(kind, out var summary) && summary.IsValueCreated ? summary.Value : null;

    private static ModelKind? Kind(string? model)
    {
        try
        {
            return ModelFactory.ParseKind(model ?? "");
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static ModelSummary Compute(ModelKind kind)
    {
        using var network = ModelFactory.Create(kind);
        return ModelSummary.Compute(network);
    }
}
