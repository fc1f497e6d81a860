using Hw4.Dashboard.Components.Pages.Compare;
using Hw4.Dashboard.Components.Pages.Runs;
using Hw4.Dashboard.Components.Pages.SignIn;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Sharing;
using Hw4.Dashboard.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Hw4.Dashboard.Configuration;

namespace Hw4.Dashboard.Tests.Features.Access;

/// <summary>Who is admin where, password hashes, which pages and files a grant opens, and AllowedHosts from the URLs.</summary>
public sealed class AccessModelTests
{
    private const string RunA = "20261201-000000-cnn-aaaa";
    private const string RunB = "20261201-000000-cnn-bbbb";

    private static AdminCredentials Credentials(string urls, string? hash = null, bool required = false) => new(
        Options.Create(new AuthOptions { AdminPasswordHash = hash, Required = required }),
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build());

    private static AccessGrant Viewer(ShareKind kind, bool checkpoints, params string[] runs) =>
        new(false, new ShareLink("id", "hash", kind, [.. runs.Select(r => new SharedRun(r, DateTimeOffset.UnixEpoch))], checkpoints, DateTimeOffset.UnixEpoch, null, null));

    [Theory]
    [InlineData("http://localhost:5080", false, SignInMode.None)]
    [InlineData("http://127.0.0.1:5080;http://[::1]:5080", false, SignInMode.None)]
    [InlineData("http://127.0.0.1:5080", true, SignInMode.StartupToken)]
    [InlineData("http://0.0.0.0:5000", false, SignInMode.StartupToken)]
    [InlineData("http://lab.example.org:5000", false, SignInMode.StartupToken)]
    public void Mode_FollowsAddressesWhenNoPassword(string urls, bool required, SignInMode expected)
    {
        var credentials = Credentials(urls, required: required);

        Assert.Equal(expected, credentials.Mode);
        Assert.Equal(expected == SignInMode.StartupToken, credentials.StartupToken is { Length: >= 32 });
    }

    [Fact]
    public void Password_OnAnyAddress_IsRequiredAndChecked()
    {
        var credentials = Credentials("http://localhost:5080", AdminPassword.Hash("a long password"));

        Assert.Equal(SignInMode.Password, credentials.Mode);
        Assert.False(credentials.EveryoneIsAdmin);
        Assert.True(credentials.Check("a long password"));
        Assert.False(credentials.Check("a long passwor"));
        Assert.False(credentials.Check(null));
    }

    [Fact]
    public void StartupToken_OnlyItsOwnTokenSignsIn()
    {
        var credentials = Credentials("http://0.0.0.0:5000");

        Assert.True(credentials.Check(credentials.StartupToken));
        Assert.False(credentials.Check(Credentials("http://0.0.0.0:5000").StartupToken));
        Assert.NotEqual(credentials.Stamp, Credentials("http://0.0.0.0:5000").Stamp);
    }

    [Fact]
    public void MalformedPasswordHash_StopsTheStartWithAMessage()
    {
        var e = Assert.Throws<Hw4.Dashboard.Configuration.StartupConfigurationException>(() => Credentials("http://localhost:5080", "plain-text-password"));

        Assert.Contains("hash-password", e.Message);
        Assert.DoesNotContain("plain-text-password", e.Message);
    }

    [Fact]
    public void Hash_SaltedAndVerifies()
    {
        var first = AdminPassword.Hash("same password");
        var second = AdminPassword.Hash("same password");

        Assert.NotEqual(first, second);
        Assert.True(AdminPassword.Verify(first, "same password"));
        Assert.False(AdminPassword.Verify(first, "other password"));
        Assert.False(AdminPassword.Verify("not-base64!", "same password"));
    }

    [Fact]
    public void RunViewer_FilesOfItsRunOnly_CheckpointsWhenAllowed()
    {
        var viewer = Viewer(ShareKind.Run, checkpoints: false, RunA);
        var downloader = Viewer(ShareKind.Run, checkpoints: true, RunA);

        Assert.True(viewer.CanReadRunFile(RunA, "evaluation.json"));
        Assert.False(viewer.CanReadRunFile(RunA, "checkpoints/model_1.params"));
        Assert.False(viewer.CanReadRunFile(RunA, "Checkpoints/model_1.params"));
        Assert.False(viewer.CanReadRunFile(RunB, "evaluation.json"));
        Assert.True(downloader.CanReadRunFile(RunA, "checkpoints/model_1.params"));
        Assert.False(downloader.CanReadRunFile(RunB, "checkpoints/model_1.params"));
        Assert.False(AccessGrant.Nobody.CanReadRunFile(RunA, "run.json"));
    }

    [Fact]
    public void Policy_RevokedLink_IsALapsedViewerNotAnonymous()
    {
        var dir = Directory.CreateTempSubdirectory("hw4-access-").FullName;
        try
        {
            var options = Options.Create(new Hw4.Dashboard.Configuration.Hw4Options { ArtifactsDir = dir });
            new Runs.RunFolderBuilder(dir).Queued(RunA);
            var shares = new ShareStore(options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ShareStore>.Instance);
            var sessions = new AdminSessions(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<AdminSessions>.Instance);
            var policy = new AccessPolicy(Credentials("http://0.0.0.0:5000", AdminPassword.Hash("a long admin password")), shares, sessions);
            var link = shares.Create(ShareKind.Run, [RunA], allowCheckpoints: false, lifetime: null).Link;
            var viewer = AccessClaims.Viewer(link.Id);

            Assert.True(policy.Evaluate(viewer).CanViewRun(RunA));
            Assert.True(shares.Revoke(link.Id));
            var lapsed = policy.Evaluate(viewer);

            Assert.Same(AccessGrant.LapsedViewer, lapsed);
            Assert.Equal(PageDecision.NotFound, PageAccess.Decide(lapsed, typeof(RunDetail), new Dictionary<string, object?> { ["Id"] = RunA }, ""));
            Assert.Same(AccessGrant.Nobody, policy.Evaluate(null));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Evaluate_CookieOfAnotherPassword_NotAdmin()
    {
        var dir = Directory.CreateTempSubdirectory("hw4-stamp-").FullName;
        try
        {
            var options = Options.Create(new Hw4.Dashboard.Configuration.Hw4Options { ArtifactsDir = dir });
            var sessions = new AdminSessions(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<AdminSessions>.Instance);
            var shares = new ShareStore(options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ShareStore>.Instance);
            AccessPolicy Policy(string password) => new(new AdminCredentials(
                Options.Create(new AuthOptions { AdminPasswordHash = AdminPassword.Hash(password) })), shares, sessions);
            var old = Policy("the old password");
            var cookie = AccessClaims.Admin(old.AdminStamp);

            Assert.True(old.Evaluate(cookie).IsAdmin);
            Assert.False(Policy("the new password").Evaluate(cookie).IsAdmin);
            old.EndAdminSessions();
            Assert.False(old.Evaluate(cookie).IsAdmin);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Decide_Pages()
    {
        var run = Viewer(ShareKind.Run, false, RunA);
        var compare = Viewer(ShareKind.Compare, false, RunA, RunB);
        var idA = new Dictionary<string, object?> { ["Id"] = RunA };
        var idB = new Dictionary<string, object?> { ["Id"] = RunB };
        var none = new Dictionary<string, object?>();

        Assert.Equal(PageDecision.Allow, PageAccess.Decide(run, typeof(RunDetail), idA, ""));
        Assert.Equal(PageDecision.NotFound, PageAccess.Decide(run, typeof(RunDetail), idB, ""));
        Assert.Equal(PageDecision.NotFound, PageAccess.Decide(run, typeof(Hw4.Dashboard.Components.Pages.Runs.Runs), none, ""));
        Assert.Equal(PageDecision.NotFound, PageAccess.Decide(run, typeof(Compare), none, $"?runs={RunA}"));
        Assert.Equal(PageDecision.Allow, PageAccess.Decide(compare, typeof(Compare), none, $"?runs={RunB},{RunA}"));
        Assert.Equal(PageDecision.NotFound, PageAccess.Decide(compare, typeof(Compare), none, $"?runs={RunA},other"));
        Assert.Equal(PageDecision.NotFound, PageAccess.Decide(compare, typeof(RunDetail), idA, ""));
        Assert.Equal(PageDecision.SignIn, PageAccess.Decide(AccessGrant.Nobody, typeof(RunDetail), idA, ""));
        // A revoked or expired link's holder gets "not found", as the link itself answers, never the sign-in page.
        Assert.Equal(PageDecision.NotFound, PageAccess.Decide(AccessGrant.LapsedViewer, typeof(RunDetail), idA, ""));
        Assert.Equal(PageDecision.NotFound, PageAccess.Decide(AccessGrant.LapsedViewer, typeof(Compare), none, $"?runs={RunA}"));
        Assert.False(AccessGrant.LapsedViewer.CanReadRunFile(RunA, "run.json"));
        Assert.Equal(PageDecision.Allow, PageAccess.Decide(AccessGrant.Nobody, typeof(SignIn), none, ""));
        Assert.Equal(PageDecision.Allow, PageAccess.Decide(AccessGrant.Admin, typeof(Hw4.Dashboard.Components.Pages.Runs.Runs), none, ""));
    }

    [Fact]
    public void AllowedHosts_FromUrls()
    {
        Assert.Equal("localhost;127.0.0.1;[::1]", DefaultUrls.AllowedHostsFor("http://localhost:5080;http://[::1]:5081"));
        Assert.Equal("localhost;127.0.0.1;[::1];lab.example.org", DefaultUrls.AllowedHostsFor("http://lab.example.org:5000"));
        var wildcard = DefaultUrls.AllowedHostsFor("http://0.0.0.0:5000").Split(';');
        Assert.Contains("localhost", wildcard);
        Assert.Contains(Environment.MachineName, wildcard, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("*", wildcard);
    }

    [Fact]
    public void SafeReturnUrl_OnlyLocalPaths()
    {
        Assert.Equal("/runs/x", AccessEndpoints.SafeReturnUrl("/runs/x"));
        Assert.Equal("/", AccessEndpoints.SafeReturnUrl("//evil.example/"));
        Assert.Equal("/", AccessEndpoints.SafeReturnUrl("https://evil.example/"));
        Assert.Equal("/", AccessEndpoints.SafeReturnUrl("/\\evil.example"));
        Assert.Equal("/", AccessEndpoints.SafeReturnUrl(null));
    }
}
