using Bunit;
using Hw4.Dashboard.Features.Device;
using Microsoft.Extensions.DependencyInjection;
using AutogradPage = Hw4.Dashboard.Components.Pages.Autograd.Autograd;

namespace Hw4.Dashboard.Tests.Components.Pages.Autograd;

public sealed class AutogradPageTests : MudBunitTest
{
    public AutogradPageTests() => Context.Services.AddSingleton(new DeviceContext(TorchSharp.torch.CPU));

    private IRenderedComponent<AutogradPage> RenderComputed()
    {
        var cut = Context.Render<AutogradPage>();
        // Settled: the first result is there and the page has finished its compute (the button is enabled again).
        cut.WaitForAssertion(() =>
        {
            Assert.NotNull(cut.Instance.State.Result);
            Assert.False(cut.Find("[data-testid=compute]").HasAttribute("disabled"));
        }, TimeSpan.FromSeconds(60));
        return cut;
    }

    private static void Type(IRenderedComponent<AutogradPage> cut, string testId, string text) =>
        cut.Find($"input[data-testid={testId}], [data-testid={testId}] input").Input(text);

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1e30")]
    public void Compute_XRefused_ComputesNothingAndMarksTheOldResultStale(string typed)
    {
        var cut = RenderComputed();
        var before = cut.Instance.State.Result;
        var version = cut.Instance.State.Version;

        Type(cut, "x", typed);
        cut.WaitForAssertion(() => Assert.False(cut.Instance.Inputs.X.IsValid), TimeSpan.FromSeconds(10));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.True(cut.Instance.Stale), TimeSpan.FromSeconds(10));
        Assert.Same(before, cut.Instance.State.Result);
        Assert.Equal(version, cut.Instance.State.Version);
        Assert.True(cut.Find("[data-testid=compute]").HasAttribute("disabled"));
        Assert.Contains("Fix the fields marked in red.", cut.Find("[data-testid=stale]").TextContent);
    }

    [Fact]
    public void Compute_SeedOverTheIntRange_IsRefusedNextToTheFieldAndComputesNothing()
    {
        var cut = RenderComputed();
        var version = cut.Instance.State.Version;

        Type(cut, "seed", "999999999999");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Seed must be zero or positive.", cut.Markup), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("Not a valid number", cut.Markup);
        Assert.Equal(version, cut.Instance.State.Version);
    }

    [Fact]
    public void Compute_XWithAnExponent_ComputesWithThatValueAndClearsStale()
    {
        var cut = RenderComputed();

        Type(cut, "x", "1e-3");
        cut.WaitForAssertion(() =>
        {
            Assert.True(cut.Instance.Stale);
            Assert.Contains("uses 0.001", cut.Markup);
        }, TimeSpan.FromSeconds(10));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.False(cut.Instance.Stale), TimeSpan.FromSeconds(60));
        Assert.Equal(0.001, cut.Instance.ComputedFor.X);
        Assert.Equal(0.001, cut.Instance.State.Result!.Y, 6);
    }
}
