namespace Hw4.Dashboard.Features.Sharing;

/// <summary>
/// One share link as stored: never the token itself, only its SHA-256 (<see cref="TokenHash"/>); the token is shown
/// once, when the link is made. <see cref="Id"/> names the link in the list and in a viewer's cookie.
/// </summary>
/// <param name="Id">A short random id (not secret).</param>
/// <param name="TokenHash">Lower-case hex SHA-256 of the token.</param>
/// <param name="Kind">A run page or a comparison.</param>
/// <param name="Runs">The run (one) or the compared runs (two or more, the first the baseline), by identity.</param>
/// <param name="AllowCheckpoints">Whether the viewer may download the run's checkpoint files.</param>
/// <param name="CreatedUtc">When it was made.</param>
/// <param name="ExpiresUtc">When it stops working; null: until revoked.</param>
/// <param name="LastUsedUtc">When a viewer last opened it (recorded at most once a minute).</param>
public sealed record ShareLink(
    string Id,
    string TokenHash,
    ShareKind Kind,
    IReadOnlyList<SharedRun> Runs,
    bool AllowCheckpoints,
    DateTimeOffset CreatedUtc,
    DateTimeOffset? ExpiresUtc,
    DateTimeOffset? LastUsedUtc)
{
    /// <summary>The ids of <see cref="Runs"/>, in order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> RunIds => [.. Runs.Select(r => r.Id)];

    /// <summary>
    /// The run ids of a link stored before links named their runs' identities (read from old shares.json files only;
    /// <see cref="ShareStore"/> binds such a link to the runs there when it reads it, and never writes this field).
    /// </summary>
    [System.Text.Json.Serialization.JsonPropertyName("run_ids")]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? LegacyRunIds { get; init; }

    /// <summary>True when the link still works at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => ExpiresUtc is not { } expires || now < expires;

    /// <summary>
    /// What a report link opens: the report endpoint's HTML shown in the browser, of the link's runs (the endpoint
    /// picks them from the link). Spelled here because sharing sits below the report feature; a test holds it equal to
    /// <c>ReportEndpoints.Url("html", download: false)</c>.
    /// </summary>
    public const string ReportPage = "api/report?format=html&download=false";

    /// <summary>The page the link opens, relative to the app base.</summary>
    public string TargetPath => Kind switch
    {
        ShareKind.Run => $"runs/{Uri.EscapeDataString(RunIds[0])}",
        ShareKind.Report => ReportPage,
        _ => $"compare?runs={string.Join(',', RunIds.Select(Uri.EscapeDataString))}",
    };
}
