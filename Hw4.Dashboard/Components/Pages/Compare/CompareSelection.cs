namespace Hw4.Dashboard.Components.Pages.Compare;

/// <summary>The compare page's <c>?runs=a,b,…</c> value: parsing it and keeping the selection order stable.</summary>
public static class CompareSelection
{
    /// <summary>The ids in the query value, trimmed, without blanks or repeats, in order.</summary>
    public static IReadOnlyList<string> Parse(string? query) =>
        (query ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The query value for <paramref name="ids"/>, or null for none (which drops the parameter).</summary>
    public static string? Format(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count == 0 ? null : string.Join(',', list);
    }

    /// <summary>
    /// The new selection: ids kept from <paramref name="current"/> stay in their order (the first stays the baseline),
    /// newly picked ones follow in the order given.
    /// </summary>
    public static IReadOnlyList<string> Merge(IReadOnlyList<string> current, IEnumerable<string> picked)
    {
        var set = picked.ToList();
        return current.Where(set.Contains).Concat(set.Where(id => !current.Contains(id))).Distinct(StringComparer.Ordinal).ToList();
    }
}
