using Bunit;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue.Store;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Components.Pages.Train;

/// <summary>
/// The Train page on an instance with the PostgreSQL store (a real test database): its queue is the team's, read from
/// the store's rows, not this host's device queue (empty on an instance that only serves pages), and it follows
/// changes made on other hosts.
/// </summary>
public sealed class TrainPageTeamQueueTests : MudBunitTest, IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-train-team-").FullName;
    private readonly PostgresTestDatabase _database = new();

    public new async Task InitializeAsync()
    {
        var options = new Hw4Options { ArtifactsDir = Path.Combine(_dir, "runs"), Device = "cpu", Train = false, Postgres = await _database.CreateAsync() };
        Context.Services.AddTeamHost(options, _dir);
        await Context.Services.GetRequiredService<RunIndex>().InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        await _database.DropAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Queue_ShowsTheStoresWaitingAndHeldRuns_AndWhatOtherHostsChangeLater()
    {
        var store = Context.Services.GetRequiredService<StoreJobQueue>();
        Assert.True(store.Enqueue("20261203-090000-cnn-aaaa", "train", 16));
        Assert.True(store.Enqueue("20261203-090001-cnn-bbbb", "train", 16));
        Assert.NotNull(await store.ClaimNextAsync("gpu-1"));

        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Train.Train>();

        cut.WaitForAssertion(() => Assert.Equal(["1. 20261203-090001-cnn-bbbb", "20261203-090000-cnn-aaaa (on gpu-1)"],
            cut.FindAll("[data-testid=queue-list] .mud-list-item").Select(e => e.TextContent.Trim())), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("Idle.", cut.Markup);

        // Another host queues a run and the holder finishes its own: the page shows both without a reload.
        Assert.True(store.Enqueue("20261203-090002-cnn-cccc", "train", 16));
        await store.FinishAsync("20261203-090000-cnn-aaaa", "gpu-1", attempt: 1);
        cut.WaitForAssertion(() => Assert.Equal(["1. 20261203-090001-cnn-bbbb", "2. 20261203-090002-cnn-cccc"],
            cut.FindAll("[data-testid=queue-list] .mud-list-item").Select(e => e.TextContent.Trim())), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Queue_StoreUnreachable_SaysSoInsteadOfIdle()
    {
        // Drop the database under the page: the read fails and the panel says why.
        await _database.DropAsync();

        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Train.Train>();

        cut.WaitForAssertion(() => Assert.Contains("The team's queue could not be read from the store", cut.Find("[data-testid=queue-error]").TextContent),
            TimeSpan.FromSeconds(20));
        Assert.DoesNotContain("Idle.", cut.Markup);
    }
}
