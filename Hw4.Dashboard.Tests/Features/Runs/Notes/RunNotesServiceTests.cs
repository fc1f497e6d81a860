using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Notes;
using Hw4.Ml.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Features.Runs.Notes;

public class RunNotesServiceTests : RunStoreServiceTest
{
    private RunNotesService Service => Services.GetRequiredService<RunNotesService>();

    private RunIndex Index => Services.GetRequiredService<RunIndex>();

    [Fact]
    public async Task SaveAsync_ThenReindex_KeepsTagsAndNotesInFolderAndIndex()
    {
        var dir = Files.WriteRun("20261127-070000-cnn-ab12", tags: ["from-cli"]);
        await RunStoreFiles.ReindexAsync(Services);
        Assert.Equal(["from-cli"], (await Index.GetAsync("20261127-070000-cnn-ab12"))!.Tags);

        var result = await Service.SaveAsync("20261127-070000-cnn-ab12", ["Baseline", "lr-0.01"], "lr too high?\nretry with 0.005");
        var afterSave = await Index.GetAsync("20261127-070000-cnn-ab12");
        var count = await RunStoreFiles.ReindexAsync(Services);
        var afterReindex = await Index.GetAsync("20261127-070000-cnn-ab12");

        Assert.True(result.Saved, string.Join(" ", result.Errors));
        Assert.Equal(["baseline", "lr-0.01"], afterSave!.Tags);
        Assert.Equal(1, count);
        Assert.Equal(["baseline", "lr-0.01"], afterReindex!.Tags);
        Assert.Equal("lr too high?\nretry with 0.005", afterReindex.Notes);
        Assert.True(File.Exists(Path.Combine(dir, RunDirectory.NotesFile)));
        Assert.Equal(["baseline", "lr-0.01"], (await Service.GetAsync("20261127-070000-cnn-ab12"))!.Tags);
        Assert.Equal(["baseline", "lr-0.01"], RunDirectoryReader.Read(dir).Notes.Tags);
    }

    [Fact]
    public async Task SaveAsync_BadTag_WritesNothingAndNamesTheTag()
    {
        var dir = Files.WriteRun("r1");
        await RunStoreFiles.ReindexAsync(Services);

        var result = await Service.SaveAsync("r1", ["fine", "not fine!"], "notes");

        Assert.False(result.Saved);
        Assert.Equal("Tag 'not fine!' may only use letters a-z, digits, '-', '_' and '.'.", Assert.Single(result.Errors));
        Assert.False(File.Exists(Path.Combine(dir, RunDirectory.NotesFile)));
        Assert.Empty((await Index.GetAsync("r1"))!.Tags);
    }

    [Fact]
    public async Task SaveAsync_UnknownRun_SaysNotFound()
    {
        await RunStoreFiles.ReindexAsync(Services);

        var result = await Service.SaveAsync("nope", ["x"], "");

        Assert.Equal("Run 'nope' was not found.", Assert.Single(result.Errors));
        Assert.Null(await Service.GetAsync("nope"));
        Assert.Null(await Service.GetAsync("../escape"));
    }
}

/// <summary>The same tests with the index on PostgreSQL.</summary>
public sealed class PostgresRunNotesServiceTests : RunNotesServiceTests
{
    protected override bool OnPostgres => true;
}
