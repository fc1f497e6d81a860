using System.Text.Json;
using Hw4.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hw4.E2E.Tests.Journeys;

/// <summary>
/// Share on the default server: loopback only, no password, so whoever reaches it is admin. The dialog says plainly
/// that teammates cannot open such a link, and a browser that comes in by the link is that link's viewer, not admin.
/// </summary>
[Trait("Category", "System")]
public sealed class LoopbackShareJourneyTests(ITestOutputHelper output) : Journey(output)
{
    [Fact]
    public async Task Share_OnALoopbackServer_SaysTeammatesCannotOpenIt_AndTheLinkOpensTheViewersPageNotTheApp()
    {
        var admin = await Browser.NewPageAsync();
        var run = await QueueAndFinishAsync(admin);
        await admin.OpenAsync(Server, $"/runs/{run}");

        await admin.ByTestId("share").ClickAsync();
        var warning = admin.ByTestId("share-loopback");
        await Expect(warning).ToContainTextAsync("teammates cannot open the link");
        // Not the promise a network server makes.
        await Expect(admin.ByTestId("share-dialog")).Not.ToContainTextAsync("Anyone with the link");
        await admin.ByTestId("share-create").ClickAsync();
        var link = await admin.Field("share-url").InputValueAsync();
        Assert.Matches("/s/[A-Za-z0-9_-]+$", link);

        // A fresh profile opening the link: the run read-only, with no way into the rest of the lab.
        var viewer = await Browser.NewPageAsync();
        await viewer.GotoAsync(link, new() { Timeout = 60_000 });
        await viewer.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        Assert.EndsWith($"/runs/{run}", viewer.Url);
        await Expect(viewer.ByTestId("viewer-chip")).ToBeVisibleAsync();
        await Expect(viewer.Locator("nav[aria-label=Main] a, nav[aria-label=Main] button")).ToHaveCountAsync(0);
        foreach (var control in new[] { "stop-run", "resume-run", "share", "notes", "save-notes", "rename-run" })
            await Expect(viewer.ByTestId(control)).ToHaveCountAsync(0);
        await Expect(viewer.Locator("[data-testid^=delete-]")).ToHaveCountAsync(0);
        // Nor by typing an address, nor by the API.
        Assert.Equal(404, (await viewer.GotoAsync($"{Server.Url}/"))!.Status);
        await Expect(viewer.ByTestId("not-found-own-page").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/runs/{run}");
        var post = await viewer.APIRequest.PostAsync($"{Server.Url}/api/runs", new() { DataObject = new { epochs = 1 } });
        Assert.Equal(403, post.Status);

        // The local admin's own browser is still the admin's.
        await admin.ReloadAsync();
        await admin.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(admin.Locator("nav[aria-label=Main] a").First).ToBeVisibleAsync();
        await Expect(admin.ByTestId("viewer-chip")).ToHaveCountAsync(0);

        // On this machine the viewer can leave the link's view: the full app again (whoever reaches a loopback server is admin).
        await viewer.GotoAsync(link);
        await viewer.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await viewer.ByTestId("leave-shared-view").ClickAsync();
        await viewer.WaitForURLAsync($"{Server.Url}/");
        await Expect(viewer.Locator("nav[aria-label=Main] a").First).ToBeVisibleAsync();
    }

    private async Task<string> QueueAndFinishAsync(IPage page)
    {
        var response = await page.APIRequest.PostAsync($"{Server.Url}/api/runs", new()
        {
            DataObject = new { model = "cnn", epochs = 1, batchSize = 32, lr = 1e-3, limit = 256, valSize = 32, seed = 0 },
        });
        var text = await response.TextAsync();
        Assert.True(response.Ok, $"POST /api/runs: {response.Status} {text}");
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
        var status = await PageExtensions.EventuallyAsync(
            async () => JsonDocument.Parse(await (await page.APIRequest.GetAsync($"{Server.Url}/api/runs/{id}")).TextAsync()).RootElement.GetProperty("status").GetString(),
            s => s is "completed" or "failed" or "diverged" or "stopped" or "interrupted", $"run {id} ending", 600);
        Assert.True(status == "completed", $"run {id} ended {status}\n{Server.Output}");
        return id;
    }
}
