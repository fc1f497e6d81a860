using Hw4.Dashboard.Components.Layout;

namespace Hw4.Dashboard.Tests.Components.Layout;

public sealed class NavSelectionTests
{
    [Theory]
    [InlineData("", "", true)]
    [InlineData("", "?x=1", true)]
    [InlineData("", "runs", false)]
    [InlineData("runs", "runs", true)]
    [InlineData("runs", "runs/20261202-cnn-1?tab=x", true)]
    [InlineData("runs", "runsx", false)]
    [InlineData("compare", "compare?runs=a,b", true)]
    [InlineData("train", "Train/", true)]
    public void IsCurrent_PathUnderTheEntry_True(string href, string path, bool expected)
    {
        Assert.Equal(expected, NavSelection.IsCurrent(href, path));
    }

    [Fact]
    public void WithoutFragment_DropsOnlyTheFragment()
    {
        Assert.Equal("http://h/runs?q=a", NavSelection.WithoutFragment("http://h/runs?q=a#main-content"));
        Assert.Equal("http://h/", NavSelection.WithoutFragment("http://h/"));
    }
}
