namespace Hw4.Dashboard.Configuration;

/// <summary>The <c>--name value</c> argument pairs of the host verbs (<c>reindex</c>, <c>worker</c>).</summary>
public static class SettingArguments
{
    /// <summary>
    /// True when <paramref name="rest"/> is pairs whose names are <paramref name="shortcuts"/> or <c>--Hw4:…</c>
    /// settings, and whose values do not start with <c>--</c> (a forgotten value).
    /// </summary>
    public static bool AreWellFormed(string[] rest, IReadOnlyCollection<string> shortcuts) =>
        rest.Length % 2 == 0
        && Enumerable.Range(0, rest.Length / 2).All(i =>
            (shortcuts.Contains(rest[2 * i]) || rest[2 * i].StartsWith("--Hw4:", StringComparison.OrdinalIgnoreCase))
            && !rest[2 * i + 1].StartsWith("--", StringComparison.Ordinal));
}
