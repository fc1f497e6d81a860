using Hw4.Dashboard.Features.Sharing;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// Marks a page a share link can open (read-only): a run page takes its run id from the <c>Id</c> route value, a
/// comparison its run ids from the <c>runs</c> query. Pages without it (or <c>[AllowAnonymous]</c>) are admin-only.
/// </summary>
/// <param name="kind">Which kind of link opens the page.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SharedViewAttribute(ShareKind kind) : Attribute
{
    /// <summary>Which kind of link opens the page.</summary>
    public ShareKind Kind { get; } = kind;
}
