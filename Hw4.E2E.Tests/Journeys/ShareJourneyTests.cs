using System.Text.Json;
using Hw4.Dashboard.Features.Access;
using Hw4.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hw4.E2E.Tests.Journeys;

/// <summary>
/// A server with an admin password: the admin signs in, shares a finished run, and a stranger's browser (a fresh
/// context) opening the link sees that run read-only and nothing else, until the admin revokes the link.
/// </summary>
[Trait("Category", "System")]
public sealed class ShareJourneyTests(ITestOutputHelper output) : Journey(output)
{
    private const string Password = "parrots-and-cats-42";

    /// <inheritdoc />
    protected override string[] Settings => ["--Hw4:Auth:AdminPasswordHash", AdminPassword.Hash(Password)];

    [Fact]
    public async Task SharedRun_StrangerSeesItReadOnlyAndNothingElse_RevokedLinkAnswers404()
    {
        var admin = await Browser.NewPageAsync();
        await SignInAsync(admin);
        // Two finished tiny runs, queued with the admin's cookie: one to share, one the viewer must not reach.
        var shared = await QueueAsync(admin);
        var other = await QueueAsync(admin);
        await WaitFinishedAsync(admin, shared);
        await WaitFinishedAsync(admin, other);

        await admin.OpenAsync(Server, $"/runs/{shared}");
        await Expect(admin.ByTestId("run-status")).ToHaveTextAsync("completed");
        const string notes = "Shared with the class: lr 1e-3, two epochs.";
        await admin.Locator("[data-testid=notes] textarea, textarea[data-testid=notes]").First.FillAsync(notes);
        await admin.ByTestId("save-notes").ClickAsync();
        await Expect(admin.ByTestId("notes-saved")).ToBeVisibleAsync();
        await admin.ByTestId("share").ClickAsync();
        await admin.ByTestId("share-create").ClickAsync();
        var urlField = admin.Field("share-url");
        await Expect(urlField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/s/[A-Za-z0-9_-]+$"));
        var link = await urlField.InputValueAsync();

        // A stranger: a browser context with no cookie of the admin's.
        var viewer = await Browser.NewPageAsync();
        await viewer.GotoAsync(link, new() { Timeout = 60_000 });
        await viewer.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        Assert.EndsWith($"/runs/{shared}", viewer.Url);
        await Expect(viewer.Locator("h1")).ToHaveTextAsync(shared);
        await Expect(viewer.ByTestId("run-status")).ToHaveTextAsync("completed");
        await Expect(viewer.ByTestId("evaluation")).ToContainTextAsync("Test accuracy");
        // Read-only: no run commands, no sharing, no deleting, no navigation to the rest of the lab, notes as text.
        await Expect(viewer.ByTestId("notes-readonly")).ToHaveTextAsync(notes);
        foreach (var control in new[] { "stop-run", "resume-run", "share", "shares", "notes", "save-notes", "add-tag", "new-tag" })
            await Expect(viewer.ByTestId(control)).ToHaveCountAsync(0);
        await Expect(viewer.Locator("[data-testid^=delete-], [data-testid^=revoke-]")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("nav[aria-label=Main] a, nav[aria-label=Main] button")).ToHaveCountAsync(0);
        // The admin's own page of the same run has them (the check above is not of a page that never has them).
        await Expect(admin.ByTestId("share")).ToHaveCountAsync(1);
        await Expect(admin.Locator("nav[aria-label=Main] a").First).ToBeVisibleAsync();

        // Another run, and the runs list, are not there for this viewer.
        var refused = await viewer.GotoAsync($"{Server.Url}/runs/{other}");
        Assert.Equal(404, refused!.Status);
        await Expect(viewer.ByTestId("not-found")).ToBeVisibleAsync();
        Assert.Equal(404, (await viewer.GotoAsync($"{Server.Url}/runs"))!.Status);
        var back = await viewer.GotoAsync($"{Server.Url}/runs/{shared}");
        Assert.Equal(200, back!.Status);

        // The admin revokes the link on the shares page; the viewer's reload of the run, and the link itself, answer 404.
        await admin.OpenAsync(Server, "/shares");
        var revoke = admin.Locator("[data-testid^=revoke-]");
        await Expect(revoke).ToHaveCountAsync(1);
        await revoke.ClickAsync();
        await Expect(admin.ByTestId("shares-none")).ToBeVisibleAsync();
        var reloaded = await viewer.ReloadAsync();
        Assert.Equal(404, reloaded!.Status);
        await Expect(viewer.ByTestId("not-found")).ToBeVisibleAsync();
        await Expect(viewer.ByTestId("notes-readonly")).ToHaveCountAsync(0);
        Assert.Equal(404, (await viewer.GotoAsync(link))!.Status);
    }

    // Through the sign-in page's form, as a person does; the server's answer must be the page asked for, signed in.
    private async Task SignInAsync(IPage page)
    {
        var signIn = await page.GotoAsync($"{Server.Url}/signin?returnUrl=%2Fruns", new() { Timeout = 60_000 });
        Assert.Equal(200, signIn!.Status);
        await page.Locator("#signin-secret").FillAsync(Password);
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.ByTestId("signin-submit").ClickAsync(),
            r => r.Url.EndsWith(AccessEndpoints.SignInPath, StringComparison.Ordinal) && r.Request.Method == "POST");
        // A redirect (to the page asked for) is a sign-in; anything else fails with what the server said.
        if (answer.Status is not (302 or 303))
            Assert.Fail($"sign-in POST answered {answer.Status} (Origin: {await answer.Request.HeaderValueAsync("origin") ?? "none"}): {await answer.TextAsync()}");
        await page.WaitForURLAsync($"{Server.Url}/runs", new() { Timeout = 60_000 });
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await Expect(page.Locator("nav[aria-label=Main] a").First).ToBeVisibleAsync();
    }

    private async Task<string> QueueAsync(IPage admin)
    {
        var response = await admin.APIRequest.PostAsync($"{Server.Url}/api/runs", new()
        {
            DataObject = new { model = "cnn", epochs = 1, batchSize = 32, lr = 1e-3, limit = 256, valSize = 32, seed = 0 },
        });
        var text = await response.TextAsync();
        Assert.True(response.Ok, $"POST /api/runs: {response.Status} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    // Training a tiny run takes seconds alone and minutes on a busy 2-core machine; any end but completed fails here.
    private async Task WaitFinishedAsync(IPage admin, string id, int seconds = 600)
    {
        var status = await PageExtensions.EventuallyAsync(
            async () => JsonDocument.Parse(await (await admin.APIRequest.GetAsync($"{Server.Url}/api/runs/{id}")).TextAsync()).RootElement.GetProperty("status").GetString(),
            s => s is "completed" or "failed" or "diverged" or "stopped" or "interrupted", $"run {id} ending", seconds);
        Assert.True(status == "completed", $"run {id} ended {status}\n{Server.Output}");
    }
}
