using System.Net;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Features.Sharing;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Tests.Features.Runs;
using Hw4.Dashboard.Tests.Hosting;
using Hw4.Ml.Lifecycle;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Features.Sharing;

/// <summary>
/// Share links against the real app with sign-in required: a link to run A shows A's page read-only and nothing else
/// (other runs, pages, files, the hub); revoked and expired links answer 404.
/// </summary>
[Collection(HostingCollection.Name)]
public sealed class ShareLinkWebTests(AuthWebApplicationFactory factory) : IClassFixture<AuthWebApplicationFactory>
{
    private const string RunA = "20261201-000000-cnn-aaaa";
    private const string RunB = "20261201-000000-cnn-bbbb";

    private ShareStore Store => factory.Services.GetRequiredService<ShareStore>();

    private void EnsureRuns()
    {
        if (Directory.Exists(Path.Combine(factory.ArtifactsDir, RunA)))
            return;
        var runs = new RunFolderBuilder(factory.ArtifactsDir);
        // Stopped, so an admin sees Resume; with a checkpoint and an evaluation (and its example image).
        var a = runs.Started(RunA);
        Directory.CreateDirectory(a.CheckpointsDir);
        File.WriteAllBytes(Path.Combine(a.CheckpointsDir, "model_1.params"), RunFolderBuilder.CheckpointBytes);
        RunFolderBuilder.WriteEvaluation(a, [[5, 1, 0], [2, 2, 0], [0, 0, 4]]);
        a.Transition(RunStatus.Stopped, r => r with { Owner = null, Message = "stopped" });
        runs.Finished(RunB, "cnn", [1.0, 0.9]);
    }

    /// <summary>Opens <paramref name="created"/>'s link in a fresh browser; returns the browser and the redirect.</summary>
    private async Task<(HttpClient Browser, HttpResponseMessage Opened)> OpenAsync(ShareCreated created)
    {
        var browser = factory.CreateBrowser();
        var opened = await browser.GetAsync(created.Path);
        return (browser, opened);
    }

    [Fact]
    public async Task RunLink_OpensRunPageReadOnly()
    {
        EnsureRuns();
        var created = Store.Create(ShareKind.Run, [RunA], allowCheckpoints: false, TimeSpan.FromHours(1));
        var (browser, opened) = await OpenAsync(created);
        using var _ = browser;

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/runs/{RunA}", opened.Headers.Location?.OriginalString);
        using var page = await browser.GetAsync($"/runs/{RunA}");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(RunA, html);
        Assert.Contains("data-testid=\"notes-readonly\"", html);
        foreach (var control in new[] { "resume-run", "stop-run", "save-notes", "new-tag", "share", "delete-" })
            Assert.DoesNotContain($"data-testid=\"{control}", html);
        Assert.DoesNotContain("files/checkpoints/", html);
        // No navigation to other pages: the app bar's links are not rendered.
        Assert.DoesNotContain("href=\"runs\"", html);
        Assert.DoesNotContain("href=\"train\"", html);
        Assert.DoesNotContain("href=\"compare", html);
    }

    [Fact]
    public async Task ReportLink_OpensTheReportOfItsRunsOnly_AndNoReportWithoutIt()
    {
        EnsureRuns();
        var created = Store.Create(ShareKind.Report, [RunB], allowCheckpoints: false, TimeSpan.FromHours(1));
        using var anonymous = factory.CreateBrowser();
        using var refused = await anonymous.GetAsync("/api/report?format=html");
        var (browser, opened) = await OpenAsync(created);
        using var _ = browser;

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/api/report?format=html&download=false", opened.Headers.Location?.OriginalString);
        using var report = await browser.GetAsync("/api/report?format=html&download=false");
        var html = await report.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("<h2 id=\"h-classifier\">2 Classifier</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{RunB}</td>", html, StringComparison.Ordinal);
        // Made of the link's run only: run A (another CNN run) is in no part of it, the residual is "not run yet".
        Assert.DoesNotContain(RunA, html, StringComparison.Ordinal);
        Assert.Contains("id=\"missing-residual\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunLink_ExportsOnlyItsRunAndNoCheckpoint()
    {
        EnsureRuns();
        var created = Store.Create(ShareKind.Run, [RunA], allowCheckpoints: false, TimeSpan.FromHours(1));
        var (browser, _) = await OpenAsync(created);
        using var __ = browser;

        using var ownJson = await browser.GetAsync($"/api/runs/{RunA}/export?format=json");
        using var otherJson = await browser.GetAsync($"/api/runs/{RunB}/export?format=json");
        using var otherHtml = await browser.GetAsync($"/api/compare/export?runs={RunA},{RunB}&format=html");
        using var ownCheckpoint = await browser.GetAsync($"/api/runs/{RunA}/export?format=pt");

        Assert.Equal(HttpStatusCode.OK, ownJson.StatusCode);
        Assert.Contains(RunA, await ownJson.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, otherJson.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherHtml.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ownCheckpoint.StatusCode);
    }

    [Fact]
    public async Task DenoiseRunLink_ShowsItsViewWithoutStop_WhileTheAdminSeesStop()
    {
        // Start the server first: a queued folder that is there when it starts is queued again by its recovery and,
        // two steps long, would be over (no Stop to show) by the time the pages are read.
        _ = factory.Services;
        var pixels = new byte[4 * 4 * 3];
        var options = new Hw4.Ml.Denoising.DenoiseOptions(Hw4.Ml.Denoising.DenoiseNorm.L1, Hw4.Ml.Denoising.DenoiseOptimizer.Gd, Lr: 0.3, Alpha: 0.8, Steps: 2, ReportEvery: 1);
        var queued = Hw4.Ml.Recipes.DenoiseRecipe.Queue(factory.ArtifactsDir, new Hw4.Ml.Runs.DenoiseRunConfig { Options = options, Source = "tiny.png" },
            new Hw4.Ml.Imaging.RgbImage(4, 4, pixels), null, TimeProvider.System);
        var id = Path.GetFileName(queued.Path);
        var created = Store.Create(ShareKind.Run, [id], allowCheckpoints: false, TimeSpan.FromHours(1));
        var (viewer, _) = await OpenAsync(created);
        using var __ = viewer;
        using var admin = factory.CreateBrowser();
        await AuthWebApplicationFactory.SignInAsync(admin, AuthWebApplicationFactory.Password);

        var viewerHtml = await (await viewer.GetAsync($"/runs/{id}")).Content.ReadAsStringAsync();
        var adminHtml = await (await admin.GetAsync($"/runs/{id}")).Content.ReadAsStringAsync();

        Assert.Contains(id, viewerHtml);
        Assert.DoesNotContain("data-testid=\"stop-run\"", viewerHtml);
        Assert.Contains("data-testid=\"stop-run\"", adminHtml);
    }

    [Fact]
    public async Task Anonymous_ExportOfAnyRun_Answers404()
    {
        EnsureRuns();
        using var browser = factory.CreateBrowser();

        using var json = await browser.GetAsync($"/api/runs/{RunA}/export?format=json");
        using var html = await browser.GetAsync($"/api/compare/export?runs={RunA},{RunB}&format=html");

        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, html.StatusCode);
    }

    [Fact]
    public async Task AdminPage_SameRun_ShowsTheControlsTheViewerLacks()
    {
        // The read-only assertions above mean something only if the admin page has these controls.
        EnsureRuns();
        using var admin = factory.CreateBrowser();
        await AuthWebApplicationFactory.SignInAsync(admin, AuthWebApplicationFactory.Password);

        var html = await admin.GetStringAsync($"/runs/{RunA}");

        Assert.Contains("data-testid=\"resume-run\"", html);
        Assert.Contains("data-testid=\"save-notes\"", html);
        Assert.Contains("data-testid=\"share\"", html);
        Assert.Contains("files/checkpoints/model_1.params", html);
    }

    [Fact]
    public async Task RunLink_EverythingElse_404()
    {
        EnsureRuns();
        var created = Store.Create(ShareKind.Run, [RunA], allowCheckpoints: false, null);
        var (browser, _) = await OpenAsync(created);
        using var __ = browser;

        foreach (var path in new[]
                 {
                     $"/runs/{RunB}", "/runs", "/train", "/shares", $"/compare?runs={RunA},{RunB}",
                     RunsApi.StatusPath(RunB), $"/runs/{RunB}/files/evaluation.json", $"/runs/{RunA}/files/checkpoints/model_1.params",
                 })
        {
            using var response = await browser.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }

        using var ownFile = await browser.GetAsync($"/runs/{RunA}/files/evaluation.json");
        using var ownStatus = await browser.GetAsync(RunsApi.StatusPath(RunA));
        using var stop = await browser.PostAsync(RunsApi.StatusPath(RunA) + "/resume", null);
        Assert.Equal(HttpStatusCode.OK, ownFile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownStatus.StatusCode);
        // Signed in as a viewer, not as admin: authenticated but not allowed.
        Assert.Equal(HttpStatusCode.Forbidden, stop.StatusCode);
    }

    [Fact]
    public async Task RunLink_WithCheckpointsAllowed_ServesThem()
    {
        EnsureRuns();
        var created = Store.Create(ShareKind.Run, [RunA], allowCheckpoints: true, null);
        var (browser, _) = await OpenAsync(created);
        using var __ = browser;

        using var checkpoint = await browser.GetAsync($"/runs/{RunA}/files/checkpoints/model_1.params");
        var html = await browser.GetStringAsync($"/runs/{RunA}");

        Assert.Equal(HttpStatusCode.OK, checkpoint.StatusCode);
        Assert.Contains("files/checkpoints/model_1.params", html);
    }

    [Fact]
    public async Task CompareLink_ShowsOnlyItsRuns()
    {
        EnsureRuns();
        var created = Store.Create(ShareKind.Compare, [RunA, RunB], allowCheckpoints: false, null);
        var (browser, opened) = await OpenAsync(created);
        using var _ = browser;

        using var compare = await browser.GetAsync(opened.Headers.Location!.OriginalString);
        var html = await compare.Content.ReadAsStringAsync();
        using var runPage = await browser.GetAsync($"/runs/{RunA}");
        using var wider = await browser.GetAsync($"/compare?runs={RunA},20261201-000000-cnn-cccc");

        Assert.Equal(HttpStatusCode.OK, compare.StatusCode);
        Assert.Contains("data-testid=\"compare-metrics\"", html);
        Assert.DoesNotContain("data-testid=\"cnn-vs-residual\"", html);
        Assert.DoesNotContain($"href=\"runs/{RunA}\"", html);
        Assert.Equal(HttpStatusCode.NotFound, runPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wider.StatusCode);
    }

    [Fact]
    public async Task RevokedLink_404AndItsCookieNoLongerOpensThePage()
    {
        EnsureRuns();
        var created = Store.Create(ShareKind.Run, [RunA], allowCheckpoints: false, null);
        var (browser, _) = await OpenAsync(created);
        using var __ = browser;
        using (var before = await browser.GetAsync($"/runs/{RunA}"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        Assert.True(Store.Revoke(created.Link.Id));
        using var link = await factory.CreateBrowser().GetAsync(created.Path);
        using var page = await browser.GetAsync($"/runs/{RunA}");
        using var file = await browser.GetAsync($"/runs/{RunA}/files/evaluation.json");

        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }

    [Fact]
    public async Task ExpiredOrUnknownLink_404()
    {
        EnsureRuns();
        var created = Store.Create(ShareKind.Run, [RunA], allowCheckpoints: false, TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);
        using var browser = factory.CreateBrowser();

        using var expired = await browser.GetAsync(created.Path);
        using var unknown = await browser.GetAsync(ShareTokens.LinkPath(ShareTokens.NewToken()));

        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Hub_ViewerOfA_SubscribesToAButNotB_AnonymousToNeither()
    {
        EnsureRuns();
        var created = Store.Create(ShareKind.Run, [RunA], allowCheckpoints: false, null);
        await using var viewer = Connect(await ViewerCookieAsync(created));
        await using var anonymous = Connect(null);
        await viewer.StartAsync();
        await anonymous.StartAsync();

        await viewer.InvokeAsync("Subscribe", RunA, (long?)null);
        var refused = await Assert.ThrowsAsync<HubException>(() => viewer.InvokeAsync("Subscribe", RunB, (long?)null));
        await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync("Subscribe", RunA, (long?)null));
        Assert.Contains("unauthorized", refused.Message);
    }

    [Fact]
    public async Task Hub_ViewerFollowingA_LinkRevoked_TheConnectionIsClosed()
    {
        EnsureRuns();
        var created = Store.Create(ShareKind.Run, [RunA], allowCheckpoints: false, null);
        await using var viewer = Connect(await ViewerCookieAsync(created));
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        viewer.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await viewer.StartAsync();
        await viewer.InvokeAsync("Subscribe", RunA, (long?)null);

        Assert.True(Store.Revoke(created.Link.Id));

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(HubConnectionState.Disconnected, viewer.State);
    }

    [Fact]
    public async Task Hub_ViewerFollowingA_LinkExpires_TheConnectionIsClosed()
    {
        EnsureRuns();
        var created = Store.Create(ShareKind.Run, [RunA], allowCheckpoints: false, TimeSpan.FromSeconds(3));
        await using var viewer = Connect(await ViewerCookieAsync(created));
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        viewer.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await viewer.StartAsync();
        await viewer.InvokeAsync("Subscribe", RunA, (long?)null);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HubConnectionState.Disconnected, viewer.State);
    }

    private async Task<string> ViewerCookieAsync(ShareCreated created)
    {
        using var plain = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var opened = await plain.GetAsync(created.Path);
        return string.Join("; ", opened.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    private HubConnection Connect(string? cookie) => new HubConnectionBuilder()
        .WithUrl(new Uri(factory.Server.BaseAddress, RunsHub.Path), o =>
        {
            o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
            if (cookie is not null)
                o.Headers["Cookie"] = cookie;
        })
        .Build();
}
