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
    public ModelSummary? Get(string? model)
    {
        ModelKind kind;
        try
        {
            kind = ModelFactory.ParseKind(model ?? "");
        }
        catch (ArgumentException)
        {
            return null;
        }

        return _summaries.GetOrAdd(kind, k => new Lazy<ModelSummary>(() => Compute(k))).Value;
    }

    private static ModelSummary Compute(ModelKind kind)
    {
        using var network = ModelFactory.Create(kind);
        return ModelSummary.Compute(network);
    }
}
