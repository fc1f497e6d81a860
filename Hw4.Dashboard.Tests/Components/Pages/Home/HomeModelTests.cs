using Hw4.Dashboard.Components.Pages.Home;
using Hw4.Dashboard.Store;

namespace Hw4.Dashboard.Tests.Components.Pages.Home;

public sealed class HomeModelTests
{
    private static RunRow Run(string id, int minute) => new()
    {
        Id = id,
        CreatedAt = new DateTimeOffset(2026, 12, 2, 6, minute, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Recent_SevenRuns_TheFiveNewestNewestFirst()
    {
        var runs = Enumerable.Range(0, 7).Select(i => Run($"r{i}", i)).Reverse().Skip(2).Concat([Run("r5", 5), Run("r6", 6)]);

        Assert.Equal(["r6", "r5", "r4", "r3", "r2"], HomeModel.Recent(runs, 5).Select(r => r.Id));
    }

    [Fact]
    public void PageGuide_EveryNavigationPageButHome_HasAPurpose()
    {
        var pages = Hw4.Dashboard.Components.Layout.NavItem.All.Where(n => n.Href.Length > 0).Select(n => n.Href);

        Assert.Equal(pages, PageGuide.All.Select(p => p.Href));
        Assert.All(PageGuide.All, p => Assert.False(string.IsNullOrWhiteSpace(p.Purpose)));
    }
}
