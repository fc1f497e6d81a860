using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Hw4.Dashboard.Components.Runs;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Sharing;
using Hw4.Dashboard.Tests.Features.Runs;
using Hw4.Ml.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Components.Runs;

/// <summary>
/// A viewer's circuit, with sign-in required: the notes editor is read-only, and its Save (called directly, as a
/// crafted circuit message would) is refused on the server and writes nothing.
/// </summary>
public sealed class ViewerActionsTests : MudBunitTest, IDisposable
{
    private const string RunA = "20261201-000000-cnn-aaaa";
    private readonly RunStoreFiles _files = new();
    private readonly BunitAuthorizationContext _auth;

    public ViewerActionsTests()
    {
        _files.AddTo(Context.Services);
        Context.Services.Configure<AuthOptions>(o => o.Required = true);
        _auth = Context.AddAuthorization();
    }

    public void Dispose() => _files.Dispose();

    private ShareLink AsViewerOf(string runId)
    {
        var link = Context.Services.GetRequiredService<ShareStore>().Create(ShareKind.Run, [runId], false, null).Link;
        _auth.SetAuthorized("viewer");
        _auth.SetClaims(new Claim(AccessClaims.ShareClaim, link.Id));
        return link;
    }

    [Fact]
    public void OpenRunPage_LinkRevoked_TheGateStopsShowingItWithoutAReload()
    {
        _files.WriteRun(RunA);
        var link = AsViewerOf(RunA);
        var route = new Microsoft.AspNetCore.Components.RouteData(typeof(Hw4.Dashboard.Components.Pages.Runs.RunDetail),
            new Dictionary<string, object?> { ["Id"] = RunA });
        var cut = Context.Render<Hw4.Dashboard.Components.Access.AccessGate>(p => p
            .Add(g => g.RouteData, route)
            .AddChildContent("<p data-testid=\"the-run\">run A</p>"));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=the-run]")));

        Assert.True(Context.Services.GetRequiredService<ShareStore>().Revoke(link.Id));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=the-run]")), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task NotesEditor_Viewer_ReadOnlyAndSaveRefusedOnTheServer()
    {
        var dir = _files.WriteRun(RunA, tags: ["baseline"]);
        await RunStoreFiles.ReindexAsync(Context.Services);
        AsViewerOf(RunA);

        var cut = Context.Render<RunNotesEditor>(p => p.Add(e => e.RunId, RunA));
        await cut.InvokeAsync(() => cut.Instance.NotesText = "vandalised");
        await cut.InvokeAsync(cut.Instance.SaveAsync);

        Assert.True(cut.Instance.ReadOnly);
        Assert.Empty(cut.FindAll("[data-testid=save-notes]"));
        Assert.Empty(cut.FindAll("[data-testid=new-tag]"));
        Assert.Contains("Only an admin can do this", Assert.Single(cut.Instance.Errors));
        Assert.NotEqual("vandalised", RunDirectory.Open(dir).ReadNotes().Notes);
    }

    [Fact]
    public async Task NotesEditor_Admin_CanStillSave()
    {
        // Same host with sign-in required, but an admin principal with the current stamp: the refusal above is the role.
        var dir = _files.WriteRun(RunA);
        await RunStoreFiles.ReindexAsync(Context.Services);
        // The stamp an admin cookie carries now: the credential's and the session stamp (signing out draws a new one).
        var stamp = Context.Services.GetRequiredService<AccessPolicy>().AdminStamp;
        _auth.SetAuthorized("admin");
        _auth.SetRoles(AccessClaims.AdminRole);
        _auth.SetClaims(new Claim(AccessClaims.StampClaim, stamp));

        var cut = Context.Render<RunNotesEditor>(p => p.Add(e => e.RunId, RunA));
        await cut.InvokeAsync(() => cut.Instance.NotesText = "checked");
        await cut.InvokeAsync(cut.Instance.SaveAsync);

        Assert.False(cut.Instance.ReadOnly);
        Assert.Equal("checked", RunDirectory.Open(dir).ReadNotes().Notes);
    }
}
