namespace Hw4.Ml.Models;

/// <summary>One top-level layer of a network as the UI shows it: plain data, no tensors.</summary>
/// <param name="Name">The component name (the state dict prefix, e.g. <c>0</c> or <c>4</c>).</param>
/// <param name="Type">The module type, with a Sequential's children spelled out (e.g. <c>Conv2d+ReLU</c>).</param>
/// <param name="OutputShape">The layer's output shape for the summary's input (batch dimension included).</param>
/// <param name="Parameters">The number of scalar parameters the layer owns, its children included.</param>
public sealed record LayerSummary(string Name, string Type, IReadOnlyList<long> OutputShape, long Parameters);
