using System.Globalization;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Sharing;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Sharing;

/// <summary>
/// The active share links (of one run, or all): what each shows, when it was made, expires and was last used, and a
/// Revoke button (admin, checked on the server). Refreshes when a link is made or revoked anywhere.
/// </summary>
public sealed partial class ShareList : IDisposable
{
    /// <summary>Only the links naming this run; null: all.</summary>
    [Parameter]
    public string? RunId { get; set; }

    [Inject]
    private ShareStore Shares { get; set; } = default!;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    /// <summary>The links shown.</summary>
    public IReadOnlyList<ShareLink> Links { get; private set; } = [];

    /// <summary>What the last revoke did, or why not.</summary>
    public string? Message { get; private set; }

    private string? Problem => Shares.Problem;

    /// <inheritdoc />
    protected override void OnInitialized() => Shares.Changed += OnChanged;

    /// <inheritdoc />
    protected override void OnParametersSet() => Links = Shares.Active(RunId);

    /// <summary>Revokes <paramref name="link"/>.</summary>
    public async Task RevokeAsync(ShareLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!await Access.IsAdminAsync())
        {
            Message = IHw4Access.NotAdminMessage;
            return;
        }

        try
        {
            Message = Shares.Revoke(link.Id) ? $"Revoked the link to {Shows(link)}; it now answers 404." : "That link was already gone.";
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Message = $"Not revoked: {e.Message}";
        }

        Links = Shares.Active(RunId);
    }

    private void OnChanged() => _ = InvokeAsync(() =>
    {
        Links = Shares.Active(RunId);
        StateHasChanged();
    });

    private static string Shows(ShareLink link) => link.Kind switch
    {
        ShareKind.Run => $"run {link.RunIds[0]}",
        ShareKind.Report => $"homework report of {string.Join(", ", link.RunIds)}",
        _ => $"comparison of {string.Join(", ", link.RunIds)}",
    };

    private static string When(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Dispose() => Shares.Changed -= OnChanged;
}
