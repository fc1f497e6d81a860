namespace Hw4.Dashboard.Features.Sharing;

/// <summary>
/// The body of <c>POST /api/shares</c>: <c>{"runs":["&lt;id&gt;",…],"hours":24,"checkpoints":false}</c>. One run makes a
/// run link, two or more a comparison link; <c>"kind":"report"</c> makes a homework-report link of the runs instead.
/// </summary>
public sealed class ShareRequestBody
{
    /// <summary>The default lifetime when <see cref="Hours"/> is left out: a week, as the Share dialog's default.</summary>
    public const int DefaultHours = 7 * 24;

    /// <summary>The run ids (required).</summary>
    public List<string>? Runs { get; set; }

    /// <summary>How long the link works, in hours (1 to ten years); default <see cref="DefaultHours"/>.</summary>
    public int? Hours { get; set; }

    /// <summary>Whether the viewer may download the run's checkpoints (a run link only).</summary>
    public bool Checkpoints { get; set; }

    /// <summary><c>run</c>, <c>compare</c> or <c>report</c>; default: by the number of runs.</summary>
    public string? Kind { get; set; }
}
