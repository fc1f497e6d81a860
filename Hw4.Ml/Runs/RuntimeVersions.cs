using System.Reflection;
using TorchSharp;

namespace Hw4.Ml.Runs;

/// <summary>The versions a run depends on, read from assembly information (recorded in run.json).</summary>
public static class RuntimeVersions
{
    /// <summary>TorchSharp, LibTorch, .NET and Hw4.Ml versions.</summary>
    public static IReadOnlyDictionary<string, string> Collect() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["torchsharp"] = InformationalVersion(typeof(torch).Assembly),
        ["libtorch"] = torch.__version__,
        ["dotnet"] = Environment.Version.ToString(),
        ["hw4"] = InformationalVersion(typeof(RuntimeVersions).Assembly),
    };

    private static string InformationalVersion(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        // Drop the "+commit" source-link suffix; the package version is what matters.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
