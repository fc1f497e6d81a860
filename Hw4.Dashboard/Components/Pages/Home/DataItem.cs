namespace Hw4.Dashboard.Components.Pages.Home;

/// <summary>One expected input and where it was found (null: missing).</summary>
public sealed record DataItem(string Name, string? Path)
{
    /// <summary>True when the file exists.</summary>
    public bool Found => Path is not null;
}
