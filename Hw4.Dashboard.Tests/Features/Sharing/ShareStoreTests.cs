using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Sharing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Tests.Features.Sharing;

/// <summary>The share-link store on a real temp folder: hashed tokens, durable across instances, expiry, revoke, damage.</summary>
public sealed class ShareStoreTests : IDisposable
{
    private const string RunA = "20261201-000000-cnn-aaaa";
    private const string RunB = "20261201-000000-cnn-bbbb";
    private readonly string _artifactsDir = Directory.CreateTempSubdirectory("hw4-shares-").FullName;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public ShareStoreTests()
    {
        // A link names runs that exist: it is bound to each one's id and creation time.
        var runs = new Runs.RunFolderBuilder(_artifactsDir);
        runs.Queued(RunA);
        runs.Queued(RunB);
    }

    private ShareStore NewStore(Hw4Options? options = null) =>
        new(Options.Create(options ?? new Hw4Options { ArtifactsDir = _artifactsDir }), _clock, NullLogger<ShareStore>.Instance);

    [Fact]
    public void Create_StoresOnlyTheHashOf128RandomBits()
    {
        var created = NewStore().Create(ShareKind.Run, [RunA], allowCheckpoints: false, null);

        var text = File.ReadAllText(Path.Combine(_artifactsDir, ShareStore.FileName));
        Assert.Equal(ShareTokens.TokenBytes * 8, 128);
        Assert.Equal(22, created.Token.Length);
        Assert.DoesNotContain(created.Token, text);
        Assert.Contains(ShareTokens.Hash(created.Token), text);
        Assert.NotEqual(created.Token, NewStore().Create(ShareKind.Run, [RunA], false, null).Token);
    }

    [Fact]
    public async Task Create_TwoHostsOnTheSharedFolderAtOnce_KeepsEveryLink()
    {
        // Two web instances on one shared artifacts folder: each its own store (and in-process lock).
        var hosts = new[] { NewStore(), NewStore() };

        var made = await Task.WhenAll(hosts.Select(store => Task.Run(() =>
            Enumerable.Range(0, 25).Select(_ => store.Create(ShareKind.Run, [RunA], false, null).Link.Id).ToList())));

        Assert.Equal(made.SelectMany(ids => ids).Order(), NewStore().Active().Select(l => l.Id).Order());
    }

    [Fact]
    public void FindByToken_AnotherInstanceOnTheSameFolder_FindsIt()
    {
        var created = NewStore().Create(ShareKind.Compare, [RunA, RunB], allowCheckpoints: true, TimeSpan.FromDays(1));

        var found = NewStore().FindByToken(created.Token);

        Assert.NotNull(found);
        Assert.Equal([RunA, RunB], found.RunIds);
        Assert.Equal(ShareKind.Compare, found.Kind);
        Assert.False(found.AllowCheckpoints); // Checkpoints are a run link's option only.
        Assert.Equal(_clock.GetUtcNow(), NewStore().FindActive(found.Id)!.LastUsedUtc);
    }

    [Fact]
    public void FindByToken_AfterExpiry_Null()
    {
        var store = NewStore();
        var created = store.Create(ShareKind.Run, [RunA], false, TimeSpan.FromHours(1));

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.NotNull(store.FindByToken(created.Token));
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Null(store.FindByToken(created.Token));
        Assert.Empty(store.Active());
    }

    [Fact]
    public void Revoke_LinkStopsWorkingEverywhere()
    {
        var store = NewStore();
        var created = store.Create(ShareKind.Run, [RunA], false, null);

        Assert.True(store.Revoke(created.Link.Id));

        Assert.Null(store.FindByToken(created.Token));
        Assert.Null(NewStore().FindByToken(created.Token));
        Assert.False(store.Revoke(created.Link.Id));
    }

    [Fact]
    public void Active_ForRun_ListsOnlyLinksNamingIt()
    {
        var store = NewStore();
        store.Create(ShareKind.Run, [RunA], false, null);
        store.Create(ShareKind.Compare, [RunA, RunB], false, null);
        store.Create(ShareKind.Run, [RunB], false, null);

        Assert.Equal(2, store.Active(RunA).Count);
        Assert.Equal(3, store.Active().Count);
    }

    [Theory]
    [InlineData(ShareKind.Run, new[] { RunA, RunB })]
    [InlineData(ShareKind.Compare, new[] { RunA })]
    [InlineData(ShareKind.Run, new[] { "../etc" })]
    public void Create_BadRequest_Refused(ShareKind kind, string[] ids) =>
        Assert.ThrowsAny<ArgumentException>(() => NewStore().Create(kind, ids, false, null));

    [Fact]
    public void Create_RunThatDoesNotExist_RefusedAsNotFound()
    {
        var e = Assert.Throws<ShareRequestException>(() => NewStore().Create(ShareKind.Run, ["20261201-000000-cnn-none"], false, null));

        Assert.True(e.NotFound);
        Assert.Equal("No run '20261201-000000-cnn-none'.", e.Message);
    }

    [Fact]
    public void RevokeRun_RevokesEveryLinkNamingItAndNoOther()
    {
        var store = NewStore();
        var run = store.Create(ShareKind.Run, [RunA], false, null);
        var compare = store.Create(ShareKind.Compare, [RunA, RunB], false, null);
        var other = store.Create(ShareKind.Run, [RunB], false, null);

        Assert.Equal(2, store.RevokeRun(RunA));

        Assert.Null(store.FindByToken(run.Token));
        Assert.Null(NewStore().FindByToken(compare.Token));
        Assert.NotNull(store.FindByToken(other.Token));
    }

    [Fact]
    public void FindByToken_RunFolderReplacedByAnotherRunOfTheSameId_Null()
    {
        var store = NewStore();
        var created = store.Create(ShareKind.Run, [RunA], false, null);
        Directory.Delete(Path.Combine(_artifactsDir, RunA), recursive: true);
        new Runs.RunFolderBuilder(_artifactsDir).Queued(RunA, created: new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Null(store.FindByToken(created.Token));
        Assert.Null(store.FindActive(created.Link.Id));
    }

    [Fact]
    public void Load_LinkFromBeforeIdentities_BoundToTheRunThereNow()
    {
        var created = NewStore().Create(ShareKind.Run, [RunA], false, null);
        var path = Path.Combine(_artifactsDir, ShareStore.FileName);
        var old = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        old[0]!.AsObject().Remove("runs");
        old[0]!["run_ids"] = new System.Text.Json.Nodes.JsonArray(RunA);
        File.WriteAllText(path, old.ToJsonString());

        var found = NewStore().FindByToken(created.Token);

        Assert.NotNull(found);
        Assert.Equal([RunA], found.RunIds);
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), found.Runs[0].CreatedUtc);
    }

    [Fact]
    public void Load_FileOverItsCap_NoLinkWorksAndTheProblemNamesItsSizeAndCap()
    {
        var created = NewStore().Create(ShareKind.Run, [RunA], false, null);
        File.AppendAllText(Path.Combine(_artifactsDir, ShareStore.FileName), new string(' ', 8 << 10));
        var store = NewStore(new Hw4Options { ArtifactsDir = _artifactsDir, RunFiles = new() { SharesBytes = 4 << 10 } });

        Assert.Null(store.FindByToken(created.Token));
        Assert.Contains("over the 4 KiB limit for that file", store.Problem);
        Assert.DoesNotContain(_artifactsDir, store.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_FileIsAFifo_NoLinkWorksAndNothingBlocks()
    {
        Hw4.Dashboard.Tests.Cli.Bombs.Fifo(Path.Combine(_artifactsDir, ShareStore.FileName));
        var store = NewStore();

        var lookup = Task.Run(() => store.FindByToken(ShareTokens.NewToken()));

        Assert.True(await Task.WhenAny(lookup, Task.Delay(TimeSpan.FromSeconds(5))) == lookup, "reading shares.json blocked on the FIFO");
        Assert.Null(await lookup);
        Assert.Contains("named pipe", store.Problem);
    }

    [Fact]
    public void DamagedFile_NoLinkWorksNothingIsOverwrittenAndTheProblemIsNamed()
    {
        var created = NewStore().Create(ShareKind.Run, [RunA], false, null);
        var path = Path.Combine(_artifactsDir, ShareStore.FileName);
        File.WriteAllText(path, "{ not json");
        var store = NewStore();

        Assert.Null(store.FindByToken(created.Token));
        Assert.Contains(ShareStore.FileName, store.Problem);
        Assert.Throws<InvalidDataException>(() => store.Create(ShareKind.Run, [RunA], false, null));
        Assert.Equal("{ not json", File.ReadAllText(path));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("has/slash/and-is-long-enough-xx")]
    public void FindByToken_Malformed_Null(string? token) => Assert.Null(NewStore().FindByToken(token));

    public void Dispose() => Directory.Delete(_artifactsDir, recursive: true);

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
