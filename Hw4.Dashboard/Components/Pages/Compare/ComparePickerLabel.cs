using System.Globalization;
using Hw4.Dashboard.Store;

namespace Hw4.Dashboard.Components.Pages.Compare;

/// <summary>How a run reads in the Compare picker: enough to tell near-identical ids apart.</summary>
public static class ComparePickerLabel
{
    /// <summary>E.g. <c>CNN · seed 0 · 15 ep · 20261202-0629-cnn-52a3 · 2026-12-02 06:29 · test 41.2% · baseline, aug</c>.</summary>
    public static string For(RunRow run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var parts = new List<string>
        {
            Features.Runs.List.RunListFormat.Name(run),
            // A named run's id tells near-identical names apart; an unnamed row (its id as name) says its model instead.
            run.Name is { Length: > 0 } name && name != run.Id ? run.Id : Features.Models.ModelDisplayName.Of(run.Model),
            run.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            run.TestAccuracy is { } accuracy ? $"test {accuracy.ToString("P1", CultureInfo.InvariantCulture)}" : "no test accuracy",
        };
        if (run.Tags.Count > 0)
            parts.Add(string.Join(", ", run.Tags));
        return string.Join(" · ", parts);
    }
}
