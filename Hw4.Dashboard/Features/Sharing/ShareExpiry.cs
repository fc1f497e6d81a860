namespace Hw4.Dashboard.Features.Sharing;

/// <summary>An expiry the Share dialog offers.</summary>
/// <param name="Label">As shown.</param>
/// <param name="Lifetime">How long the link works; null: until revoked.</param>
public sealed record ShareExpiry(string Label, TimeSpan? Lifetime)
{
    /// <summary>The choices, the default first.</summary>
    public static IReadOnlyList<ShareExpiry> Choices { get; } =
    [
        new("7 days", TimeSpan.FromDays(7)),
        new("1 day", TimeSpan.FromDays(1)),
        new("1 hour", TimeSpan.FromHours(1)),
        new("30 days", TimeSpan.FromDays(30)),
        new("Until revoked", null),
    ];
}
