using static TorchSharp.torch;

namespace Hw4.Ml.Models;

/// <summary>Creates the homework's networks and parses their names.</summary>
public static class ModelFactory
{
    /// <summary>
    /// Builds a freshly initialised network on the CPU (the caller moves it with <c>.to(device)</c> before creating the
    /// optimizer). Initialisation draws from torch's global generator, so seed it with <c>torch.manual_seed</c> first.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Create(ModelKind kind) => kind switch
    {
        ModelKind.Cnn => new Cnn(),
        ModelKind.Residual => new ResidualCnn(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Unknown model kind '{kind}'; use cnn or residual."),
    };

    /// <summary>Parses <c>cnn</c> or <c>residual</c> (case-insensitive, surrounding spaces ignored).</summary>
    /// <exception cref="ArgumentException">The value names neither model.</exception>
    public static ModelKind ParseKind(string value) => value?.Trim().ToLowerInvariant() switch
    {
        "cnn" => ModelKind.Cnn,
        "residual" => ModelKind.Residual,
        _ => throw new ArgumentException($"Unknown model '{value}'; use cnn or residual.", nameof(value)),
    };

    /// <summary>The command-line/UI name of a kind (<c>cnn</c> or <c>residual</c>), the inverse of <see cref="ParseKind"/>.</summary>
    public static string Name(ModelKind kind) => kind switch
    {
        ModelKind.Cnn => "cnn",
        ModelKind.Residual => "residual",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Unknown model kind '{kind}'."),
    };
}
