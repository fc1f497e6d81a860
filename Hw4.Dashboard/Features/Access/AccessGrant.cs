using Hw4.Dashboard.Features.Sharing;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// What one request or circuit may do: everything (admin), see what one share link names (a viewer), or nothing
/// beyond the sign-in page (anonymous on a server that needs sign-in).
/// </summary>
/// <param name="IsAdmin">May change things and see every run.</param>
/// <param name="Share">The active link a viewer came in by, or null.</param>
public sealed record AccessGrant(bool IsAdmin, ShareLink? Share)
{
    /// <summary>The admin grant.</summary>
    public static AccessGrant Admin { get; } = new(true, null);

    /// <summary>No access.</summary>
    public static AccessGrant Nobody { get; } = new(false, null);

    /// <summary>
    /// A viewer whose link was revoked or has expired: sees nothing, and its pages answer "not found" as the link does,
    /// rather than sending someone who never had an account to sign in.
    /// </summary>
    public static AccessGrant LapsedViewer { get; } = new(false, null) { HeldLink = true };

    /// <summary>True when the user came in by a share link that is no longer active.</summary>
    public bool HeldLink { get; private init; }

    /// <summary>Neither admin nor holding a link (active or lapsed).</summary>
    public bool IsAnonymous => !IsAdmin && Share is null && !HeldLink;

    /// <summary>True when the run page of <paramref name="runId"/> may be shown.</summary>
    public bool CanViewRun(string runId) =>
        IsAdmin || Share is { Kind: ShareKind.Run } s && string.Equals(s.RunIds[0], runId, StringComparison.Ordinal);

    /// <summary>True when a comparison of <paramref name="runIds"/> may be shown (a viewer: only runs the link names).</summary>
    public bool CanViewComparison(IReadOnlyCollection<string> runIds) =>
        IsAdmin || Share is { Kind: ShareKind.Compare } s && runIds.Count > 0 && runIds.All(s.RunIds.Contains);

    /// <summary>
    /// The runs the homework report may be made of: null for an admin (any run), a report link's runs for its viewer,
    /// and an empty list (no report) for anyone else.
    /// </summary>
    public IReadOnlyList<string>? ReportRuns => IsAdmin ? null : Share is { Kind: ShareKind.Report } s ? s.RunIds : [];

    /// <summary>True when live events of <paramref name="runId"/> may be received.</summary>
    public bool CanFollowRun(string runId) => IsAdmin || Share is { } s && s.RunIds.Contains(runId);

    /// <summary>True when the checkpoints of <paramref name="runId"/> may be downloaded.</summary>
    public bool CanDownloadCheckpoints(string runId) => IsAdmin || Share is { AllowCheckpoints: true } s && s.RunIds.Contains(runId);

    /// <summary>True when the file <paramref name="relativePath"/> of run <paramref name="runId"/> may be served.</summary>
    public bool CanReadRunFile(string runId, string? relativePath)
    {
        if (IsAdmin)
            return true;
        if (!CanFollowRun(runId))
            return false;
        return !IsCheckpointPath(relativePath) || CanDownloadCheckpoints(runId);
    }

    /// <summary>True for files under the run's <c>checkpoints/</c> folder (model weights and optimizer state).</summary>
    public static bool IsCheckpointPath(string? relativePath)
    {
        var first = (relativePath ?? "").Replace('\\', '/').Split('/', 2)[0];
        return string.Equals(first, "checkpoints", StringComparison.OrdinalIgnoreCase);
    }
}
