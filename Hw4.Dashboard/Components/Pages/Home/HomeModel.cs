using System.Reflection;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Store;

namespace Hw4.Dashboard.Components.Pages.Home;

/// <summary>What the home page shows: version, device and the data found.</summary>
public sealed record HomeModel(string Version, string Device, string? DataDir, IReadOnlyList<DataItem> Items, IReadOnlyList<string> Files)
{
    /// <summary>Builds the model from the services.</summary>
    public static HomeModel Create(string device, DataLocator data)
    {
        var version = typeof(HomeModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        // The SDK appends "+<commit>"; keep it short for the page.
        var plus = version.IndexOf('+');
        if (plus > 0 && version.Length > plus + 8)
            version = version[..(plus + 8)];

        IReadOnlyList<DataItem> items =
        [
            new("CIFAR-10 (JPEG zip)", data.CifarArchive),
            new("Noisy parrots", data.NoisyImage),
            new("Clean parrots", data.CleanImage),
        ];
        IReadOnlyList<string> files = data.DataDir is null ? [] : data.ListFiles();
        return new HomeModel(version, device, data.DataDir, items, files);
    }

    /// <summary>The <paramref name="count"/> newest of <paramref name="runs"/>, newest first.</summary>
    public static IReadOnlyList<RunRow> Recent(IEnumerable<RunRow> runs, int count) =>
        [.. runs.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal).Take(count)];
}
