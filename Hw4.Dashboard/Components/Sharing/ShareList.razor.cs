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

    [Inject]
    private Features.Runs.RunIndex Index { get; set; } = default!;

    // Run names by id, for what each link shows (the id where the index has no name).
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();

    /// <summary>The links shown.</summary>
    public IReadOnlyList<ShareLink> Links { get; private set; } = [];

    /// <summary>What the last revoke did, or why not.</summary>
    public string? Message { get; private set; }

    private string? Problem => Shares.Problem;

    /// <inheritdoc />
    protected override void OnInitialized() => Shares.Changed += OnChanged;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        Links = Shares.Active(RunId);
        // Names only when there is a link to name (a run page without links reads no index).
        if (Links.Count > 0)
            _names = (await Index.ListAsync()).ToDictionary(r => r.Id, Features.Runs.List.RunListFormat.Name, StringComparer.Ordinal);
    }

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

    private string Shows(ShareLink link) => link.Kind switch
    {
        ShareKind.Run => $"run {Named(link.RunIds[0])}",
        ShareKind.Report => $"homework report of {string.Join(", ", link.RunIds.Select(Named))}",
        _ => $"comparison of {string.Join(", ", link.RunIds.Select(Named))}",
    };

    private string Named(string id) => _names.TryGetValue(id, out var name) && name != id ? $"{name} ({id})" : id;

    private static string When(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Dispose() => Shares.Changed -= OnChanged;
}
