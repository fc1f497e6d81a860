namespace Hw4.Ml.Data;

/// <summary>The CIFAR-10 class names in the order of the official release (label 0..9).</summary>
public static class CifarClasses
{
    /// <summary>airplane automobile bird cat deer dog frog horse ship truck.</summary>
    public static IReadOnlyList<string> Official { get; } =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>
    /// The label order for a set of class-folder names: the official order when the names are exactly the CIFAR-10
    /// classes, otherwise the names sorted ordinally (what torchvision's ImageFolder does).
    /// </summary>
    public static IReadOnlyList<string> Order(IEnumerable<string> names)
    {
        var sorted = names.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        return sorted.Length == Official.Count && Official.All(o => sorted.Contains(o, StringComparer.Ordinal))
            ? Official
            : sorted;
    }
}
