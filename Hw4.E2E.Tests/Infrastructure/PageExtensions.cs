using System.Text.Json;
using Microsoft.Playwright;

namespace Hw4.E2E.Tests.Infrastructure;

/// <summary>What the journeys do and read on a page, in a person's terms.</summary>
public static class PageExtensions
{
    /// <summary>
    /// Opens <paramref name="path"/> and waits for the live circuit: pages are prerendered, and a click before the circuit
    /// is up does nothing.
    /// </summary>
    public static async Task OpenAsync(this IPage page, AppServer server, string path)
    {
        await page.GotoAsync(server.Url + path, new PageGotoOptions { Timeout = 180_000 });
        await page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 180_000 });
    }

    /// <summary>Waits until every chart on the page is drawn (Plotly draws after the circuit is up).</summary>
    public static async Task WaitForChartsAsync(this IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.chart-host')].every(h => h.querySelector('.js-plotly-plot .main-svg'))",
                null, new PageWaitForFunctionOptions { Timeout = 180_000 });
        }
        catch (TimeoutException e)
        {
            // Say which chart stayed empty: its caption names it.
            var missing = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.chart-host')].filter(h => !h.querySelector('.js-plotly-plot .main-svg')).map(h => (h.querySelector('figcaption')?.textContent ?? '?') + ' | plot div: ' + (h.querySelector('.js-plotly-plot') ? 'yes' : 'no') + ' | ' + h.innerHTML.slice(0, 200))");
            throw new TimeoutException($"charts not drawn in 180 s on {page.Url}: {string.Join(" || ", missing)}", e);
        }
    }

    /// <summary>Switches the theme with the app bar's toggle and waits until the page shows it.</summary>
    public static async Task SwitchThemeAsync(this IPage page, bool dark)
    {
        var toggle = page.ByTestId("theme-toggle");
        var wanted = dark ? "Switch to light theme" : "Switch to dark theme";
        if (await toggle.GetAttributeAsync("aria-label") != wanted)
            await toggle.ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(toggle).ToHaveAttributeAsync("aria-label", wanted);
        await page.WaitForChartsAsync();
        // MudBlazor fades colours over 250 ms: what a person reads (and axe measures) is the colour at rest.
        await page.WaitForFunctionAsync("() => document.getAnimations().filter(a => a instanceof CSSTransition).length === 0");
    }

    /// <summary>The element with <paramref name="testId"/>.</summary>
    public static ILocator ByTestId(this IPage page, string testId) => page.Locator($"[data-testid=\"{testId}\"]");

    /// <summary>The text box of the field with <paramref name="testId"/> (the attribute is on the input or around it).</summary>
    public static ILocator Field(this IPage page, string testId) =>
        page.Locator($"input[data-testid=\"{testId}\"], [data-testid=\"{testId}\"] input").First;

    /// <summary>Types <paramref name="text"/> into the field as a person would: select all, type over it.</summary>
    public static async Task TypeIntoAsync(this IPage page, string testId, string text)
    {
        var field = page.Field(testId);
        await field.ClickAsync();
        await field.PressAsync("Control+a");
        if (text.Length == 0)
            await field.PressAsync("Backspace");
        else
            await field.PressSequentiallyAsync(text);
    }

    /// <summary>The helper or error text shown under the field.</summary>
    public static ILocator FieldMessage(this IPage page, string testId) =>
        page.Locator($".mud-input-control:has([data-testid=\"{testId}\"]) .mud-input-helper-text, .mud-input-control[data-testid=\"{testId}\"] .mud-input-helper-text").First;

    /// <summary>
    /// Runs <paramref name="script"/>, a function returning <c>JSON.stringify</c> of what it found, and reads that JSON as
    /// <typeparamref name="T"/> (camelCase names, as the web writes them).
    /// </summary>
    public static async Task<T> EvaluateJsonAsync<T>(this IPage page, string script) =>
        JsonSerializer.Deserialize<T>(await page.EvaluateAsync<string>(script), WebJson)!;

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    /// <summary>The traces a Plotly chart inside <paramref name="container"/> holds now: x and y of each.</summary>
    public static async Task<IReadOnlyList<Trace>> TracesAsync(this ILocator container)
    {
        var json = await container.Locator(".js-plotly-plot").First.EvaluateAsync<string>(
            "el => JSON.stringify((el.data || []).map(t => ({ name: t.name || '', x: Array.from(t.x || []), y: Array.from(t.y || []) })))");
        return JsonSerializer.Deserialize<List<Trace>>(json, WebJson)!;
    }

    /// <summary>The heatmap inside <paramref name="container"/>: its column and row labels and its cells.</summary>
    public static async Task<HeatmapTrace> HeatmapAsync(this ILocator container)
    {
        var json = await container.EvaluateAsync<string>(
            "el => { const t = [...el.querySelectorAll('.js-plotly-plot')].flatMap(p => p.data || []).find(d => d.type === 'heatmap'); return JSON.stringify(t ? { x: Array.from(t.x).map(String), y: Array.from(t.y).map(String), z: Array.from(t.z).map(r => Array.from(r)) } : null); }");
        return JsonSerializer.Deserialize<HeatmapTrace>(json, WebJson)
            ?? throw new InvalidOperationException("no heatmap trace in the chart");
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling; fails with <paramref name="what"/> after <paramref name="seconds"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        T last;
        while (true)
        {
            last = await read();
            if (condition(last))
                return last;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{what} not seen in {seconds} s; last: {JsonSerializer.Serialize(last)}");
            await Task.Delay(100);
        }
    }
}
