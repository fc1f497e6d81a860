using Hw4.Dashboard.Features.Sharing;

namespace Hw4.Dashboard.Components.Pages.Shares;

/// <summary>Every active share link, with its last use and a Revoke button (admin only, like every page without <c>[SharedView]</c>).</summary>
public sealed partial class Shares
{
    // Named within the artifacts folder: a page never shows a server path.
    private static string FileName => ShareStore.FileName;
}
