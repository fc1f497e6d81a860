using Hw4.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hw4.E2E.Tests.Journeys;

/// <summary>
/// The Autograd page as a person uses it: change the terms, read the error and the plot; mistype a field. Each test
/// has its own browser context on one server: what it computes lives in its own circuit.
/// </summary>
[Trait("Category", "System")]
public sealed class AutogradJourneyTests(JourneyWorld world, ITestOutputHelper output) : Journey(output, world), IClassFixture<JourneyWorld>
{
    [Fact]
    public async Task Terms_Changed_ErrorChangesAndPlotHas100PointsOnACosCurve()
    {
        var page = await OpenAsync("/autograd");
        var chart = page.ByTestId("grad-chart");
        var traces = await PageExtensions.EventuallyAsync(() => chart.TracesAsync(), t => t.Count == 2 && t[0].X.Length == 100, "the dz/dx plot");

        // 100 seeded points in [−π, π], and the cos curve drawn under them is cos.
        Assert.Equal(100, traces[0].X.Length);
        Assert.All(traces[0].X, x => Assert.InRange(x!.Value, -Math.PI, Math.PI));
        Assert.Equal("cos x", traces[1].Name);
        Assert.True(traces[1].X.Length >= 100);
        for (var i = 0; i < traces[1].X.Length; i++)
            Assert.Equal(Math.Cos(traces[1].X[i]!.Value), traces[1].Y[i]!.Value, 6);
        // With the default 10 terms autograd's dz/dx sits on cos at every point.
        for (var i = 0; i < 100; i++)
            Assert.Equal(Math.Cos(traces[0].X[i]!.Value), traces[0].Y[i]!.Value, 3);

        var before = await page.ByTestId("max-error").InnerTextAsync();
        await page.TypeIntoAsync("terms", "3");
        await Expect(page.FieldMessage("terms")).ToHaveTextAsync("uses 3");
        await Expect(page.ByTestId("stale")).ToBeVisibleAsync();
        await page.ByTestId("compute").ClickAsync();

        await Expect(page.ByTestId("stale")).ToHaveCountAsync(0);
        await Expect(page.ByTestId("max-error")).Not.ToHaveTextAsync(before);
        // Three terms are far off cos at the ends of [−π, π]: the error is visible on the plot, not only in the table.
        traces = await PageExtensions.EventuallyAsync(() => chart.TracesAsync(), t => t.Count == 2 && t[0].X.Length == 100, "the redrawn plot");
        Assert.Contains(Enumerable.Range(0, 100), i => Math.Abs(Math.Cos(traces[0].X[i]!.Value) - traces[0].Y[i]!.Value) > 0.1);
    }

    [Theory]
    [InlineData("x", "abc", "is not a number")]
    [InlineData("x", "", "x is required.")]
    [InlineData("x", "1e30", "x must be between -20 and 20.")]
    [InlineData("seed", "999999999999", "Seed must be zero or positive.")]
    [InlineData("terms", "2.5", "Terms must be a whole number.")]
    public async Task BadInput_RefusedInPlace_NothingComputesAndOldResultIsMarkedStale(string field, string typed, string message)
    {
        var page = await OpenAsync("/autograd");
        await Expect(page.ByTestId("max-error")).ToBeVisibleAsync();
        var y = await page.ByTestId("y").InnerTextAsync();

        await page.TypeIntoAsync(field, typed);

        await Expect(page.FieldMessage(field)).ToContainTextAsync(message);
        await Expect(page.ByTestId("compute")).ToBeDisabledAsync();
        await Expect(page.ByTestId("stale")).ToContainTextAsync("Fix the fields marked in red.");
        // Enter in the field submits the form: still nothing computes.
        await page.Field(field).PressAsync("Enter");
        await Expect(page.ByTestId("stale")).ToBeVisibleAsync();
        Assert.Equal(y, await page.ByTestId("y").InnerTextAsync());
    }

    [Fact]
    public async Task X_TypedWithAnExponent_ShowsTheValueItUsesAndComputesWithIt()
    {
        var page = await OpenAsync("/autograd");
        await Expect(page.ByTestId("max-error")).ToBeVisibleAsync();

        await page.TypeIntoAsync("x", "1e-3");
        await Expect(page.FieldMessage("x")).ToHaveTextAsync("uses 0.001");
        await page.ByTestId("compute").ClickAsync();

        await Expect(page.ByTestId("stale")).ToHaveCountAsync(0);
        await Expect(page.ByTestId("y")).ToHaveTextAsync("0.001000");
        await Expect(page.ByTestId("cos")).ToHaveTextAsync("1.000000");
    }
}
