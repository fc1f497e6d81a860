using Hw4.Dashboard.Features.Sharing;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Pages.Shares;

/// <summary>Every active share link, with its last use and a Revoke button (admin only, like every page without <c>[SharedView]</c>).</summary>
public sealed partial class Shares
{
    [Inject]
    private ShareStore Store { get; set; } = default!;

    private string FilePath => Store.FilePath;
}
