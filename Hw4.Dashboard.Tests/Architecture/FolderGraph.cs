using ArchUnitNET.Loader;

namespace Hw4.Dashboard.Tests.Architecture;

/// <summary>
/// Which folders of Hw4.Dashboard use which, read from the compiled assembly by ArchUnitNET (every type's fields,
/// signatures, calls and attributes, Razor components included). A folder is <c>Features/&lt;X&gt;</c>, or a top-level
/// folder (<c>Components</c>, <c>Cli</c>, <c>Configuration</c>, <c>Hosting</c>, <c>Startup</c>); subfolders count as their
/// folder. docs/architecture.md draws the direction these edges must keep.
/// </summary>
public static class FolderGraph
{
    private static readonly Lazy<(IReadOnlyDictionary<string, IReadOnlySet<string>> Edges, ILookup<(string, string), string> Uses)> Graph = new(Load);

    /// <summary>Folder → the other folders its types use.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> All => Graph.Value.Edges;

    /// <summary>Why <paramref name="from"/> uses <paramref name="to"/>: lines <c>Type -> UsedType</c>, sorted.</summary>
    public static IReadOnlyList<string> Why(string from, string to) => [.. Graph.Value.Uses[(from, to)].Order(StringComparer.Ordinal)];

    /// <summary>The folder of a namespace of Hw4.Dashboard, or null for one outside it.</summary>
    public static string? FolderOf(string? ns)
    {
        const string Root = "Hw4.Dashboard";
        if (ns is null || !(ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal)))
            return null;
        var parts = ns == Root ? [] : ns[(Root.Length + 1)..].Split('.');
        return parts switch
        {
            [] => "(root)",
            ["Features", var feature, ..] => $"Features/{feature}",
            [var top, ..] => top,
        };
    }

    /// <summary>The groups of folders that reach each other (a cycle), each sorted; empty when the graph has none.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var nodes = All.Keys.Concat(All.Values.SelectMany(v => v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var reach = nodes.ToDictionary(n => n, Reachable, StringComparer.Ordinal);
        return [.. nodes
            .Select(n => (IReadOnlyList<string>)nodes.Where(m => m == n || (reach[n].Contains(m) && reach[m].Contains(n))).ToList())
            .Where(group => group.Count > 1)
            .DistinctBy(group => string.Join(",", group))];
    }

    /// <summary>The graph as lines <c>A -> B, C</c>, for messages and the report.</summary>
    public static string Describe() =>
        string.Join("\n", All.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key} -> {string.Join(", ", kv.Value.Order(StringComparer.Ordinal))}"));

    private static HashSet<string> Reachable(string from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([from]);
        while (stack.TryPop(out var node))
        {
            foreach (var next in All.GetValueOrDefault(node, new HashSet<string>()))
            {
                if (seen.Add(next))
                    stack.Push(next);
            }
        }

        return seen;
    }

    private static (IReadOnlyDictionary<string, IReadOnlySet<string>>, ILookup<(string, string), string>) Load()
    {
        var architecture = new ArchLoader().LoadAssemblies(typeof(Hw4.Dashboard.Configuration.Hw4Options).Assembly).Build();
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var uses = new List<((string, string) Edge, string Line)>();
        foreach (var type in architecture.Types)
        {
            if (FolderOf(type.Namespace.FullName) is not { } from)
                continue;
            foreach (var dependency in type.Dependencies)
            {
                // A generic parameter's target has no namespace.
                if (FolderOf(dependency.Target?.Namespace?.FullName) is { } to && to != from)
                {
                    if (!edges.TryGetValue(from, out var targets))
                        edges[from] = targets = new HashSet<string>(StringComparer.Ordinal);
                    targets.Add(to);
                    uses.Add(((from, to), $"{Short(type.FullName)} -> {Short(dependency.Target!.FullName)}"));
                }
            }
        }

        return (edges.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<string>)kv.Value, StringComparer.Ordinal),
            uses.Distinct().ToLookup(u => u.Edge, u => u.Line));
    }

    // Compiler-made nested types (closures, state machines) read as the type that wrote them.
    private static string Short(string fullName) => fullName.Replace("Hw4.Dashboard.", "", StringComparison.Ordinal).Split('+')[0];
}
