namespace Hw4.Dashboard.Features.Sharing;

/// <summary>What a share link shows.</summary>
public enum ShareKind
{
    /// <summary>One run's page.</summary>
    Run,

    /// <summary>A comparison of two or more runs.</summary>
    Compare,

    /// <summary>The homework report of the runs it names (made from those runs only).</summary>
    Report,
}
