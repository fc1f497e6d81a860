using Hw4.Ml.Models;

namespace Hw4.Dashboard.Features.Models;

/// <summary>How the UI writes a model's name: <c>CNN</c> and <c>Residual</c> (the CLI and run.json keep <c>cnn</c>/<c>residual</c>).</summary>
public static class ModelDisplayName
{
    /// <summary>The display name of <paramref name="kind"/>.</summary>
    public static string Of(ModelKind kind) => kind switch
    {
        ModelKind.Cnn => "CNN",
        ModelKind.Residual => "Residual",
        _ => kind.ToString(),
    };

    /// <summary>The display name of a stored model name (<c>cnn</c>, <c>residual</c>); an unknown one is shown as stored, null as a dash.</summary>
    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "–";
        try
        {
            return Of(ModelFactory.ParseKind(name));
        }
        catch (ArgumentException)
        {
            return name;
        }
    }
}
