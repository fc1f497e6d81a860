using Hw4.Dashboard.Features.Report;
using Hw4.Dashboard.Features.Sharing;

namespace Hw4.Dashboard.Tests.Features.Sharing;

/// <summary>Where a share link sends its viewer.</summary>
public sealed class ShareLinkTargetTests
{
    private static ShareLink Link(ShareKind kind, params string[] runs) =>
        new("id", "hash", kind, [.. runs.Select(r => new SharedRun(r, DateTimeOffset.UnixEpoch))], false, DateTimeOffset.UnixEpoch, null, null);

    [Fact]
    public void ReportLink_OpensTheReportEndpointsHtml_AsTheReportFeatureSpellsIt()
    {
        // Sharing sits below the report feature, so it spells the address itself; this keeps the two one address.
        Assert.Equal(ShareLink.ReportPage, ReportEndpoints.Url("html", download: false));
        Assert.Equal(ShareLink.ReportPage, Link(ShareKind.Report, "20261201-000000-cnn-aaaa").TargetPath);
    }

    [Fact]
    public void RunAndCompareLinks_OpenTheirPages_WithIdsEscaped()
    {
        Assert.Equal("runs/20261201-000000-cnn-aaaa", Link(ShareKind.Run, "20261201-000000-cnn-aaaa").TargetPath);
        Assert.Equal("compare?runs=a,b%20c", Link(ShareKind.Compare, "a", "b c").TargetPath);
    }
}
