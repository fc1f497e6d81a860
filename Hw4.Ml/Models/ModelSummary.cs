using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Hw4.Ml.Models;

/// <summary>A per-layer table of a network (output shapes and parameter counts) plus the total parameter count.</summary>
/// <param name="Layers">The top-level layers in forward order.</param>
/// <param name="TotalParameters">All parameters of the model (equals the sum over <paramref name="Layers"/>).</param>
public sealed record ModelSummary(IReadOnlyList<LayerSummary> Layers, long TotalParameters)
{
    /// <summary>
    /// Runs a zero input of shape 1×3×32×32 (or <paramref name="inputShape"/>) through the model's top-level children in
    /// order and records each output shape. This is valid for the homework's networks, whose forward is exactly the
    /// chain of their children named "0", "1", … (the order is taken from those numeric names). Runs under no_grad on
    /// the model's own device and leaves no tensors behind.
    /// </summary>
    /// <exception cref="ArgumentException">A child is not a tensor-to-tensor module, so the chain cannot be run.</exception>
    public static ModelSummary Compute(nn.Module<Tensor, Tensor> model, long[]? inputShape = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var children = model.named_children()
            .OrderBy(c => int.TryParse(c.name, out var i) ? i : int.MaxValue)
            .ToList();
        var device = model.parameters().FirstOrDefault()?.device ?? CPU;

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = zeros(inputShape ?? [1, 3, 32, 32], device: device);
        var layers = new List<LayerSummary>(children.Count);
        foreach (var (name, child) in children)
        {
            if (child is not nn.Module<Tensor, Tensor> layer)
            {
                throw new ArgumentException($"Layer '{name}' ({child.GetType().Name}) is not a tensor-to-tensor module.", nameof(model));
            }

            x = layer.forward(x);
            layers.Add(new LayerSummary(name, Describe(child), x.shape.ToArray(), CountParameters(child)));
        }

        return new ModelSummary(layers, CountParameters(model));
    }

    /// <summary>Counts the scalar parameters of a module and its children.</summary>
    public static long CountParameters(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.parameters().Sum(p => p.numel());
    }

    private static string Describe(nn.Module module) => module is Sequential
        ? string.Join("+", module.children().Select(Describe))
        : module.GetType().Name;
}
