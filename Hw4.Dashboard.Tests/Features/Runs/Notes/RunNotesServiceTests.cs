using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Notes;
using Hw4.Ml.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Features.Runs.Notes;

public sealed class RunNotesServiceTests : IAsyncLifetime
{
    private readonly RunStoreFiles _files = new();
    private ServiceProvider _services = default!;

    private RunNotesService Service => _services.GetRequiredService<RunNotesService>();

    private RunIndex Index => _services.GetRequiredService<RunIndex>();

    public Task InitializeAsync()
    {
        _services = _files.AddTo(new ServiceCollection()).BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task SaveAsync_ThenReindex_KeepsTagsAndNotesInFolderAndIndex()
    {
        var dir = _files.WriteRun("20261127-070000-cnn-ab12", tags: ["from-cli"]);
        await RunStoreFiles.ReindexAsync(_services);
        Assert.Equal(["from-cli"], (await Index.GetAsync("20261127-070000-cnn-ab12"))!.Tags);

        var result = await Service.SaveAsync("20261127-070000-cnn-ab12", ["Baseline", "lr-0.01"], "lr too high?\nretry with 0.005");
        var afterSave = await Index.GetAsync("20261127-070000-cnn-ab12");
        var count = await RunStoreFiles.ReindexAsync(_services);
        var afterReindex = await Index.GetAsync("20261127-070000-cnn-ab12");

        Assert.True(result.Saved, string.Join(" ", result.Errors));
        Assert.Equal(["baseline", "lr-0.01"], afterSave!.Tags);
        Assert.Equal(1, count);
        Assert.Equal(["baseline", "lr-0.01"], afterReindex!.Tags);
        Assert.Equal("lr too high?\nretry with 0.005", afterReindex.Notes);
        Assert.True(File.Exists(Path.Combine(dir, RunDirectory.NotesFile)));
        Assert.Equal(["baseline", "lr-0.01"], (await Service.GetAsync("20261127-070000-cnn-ab12"))!.Tags);
        Assert.Equal(["baseline", "lr-0.01"], RunDirectoryReader.Read(dir).Tags);
    }

    [Fact]
    public async Task SaveAsync_BadTag_WritesNothingAndNamesTheTag()
    {
        var dir = _files.WriteRun("r1");
        await RunStoreFiles.ReindexAsync(_services);

        var result = await Service.SaveAsync("r1", ["fine", "not fine!"], "notes");

        Assert.False(result.Saved);
        Assert.Equal("Tag 'not fine!' may only use letters a-z, digits, '-', '_' and '.'.", Assert.Single(result.Errors));
        Assert.False(File.Exists(Path.Combine(dir, RunDirectory.NotesFile)));
        Assert.Empty((await Index.GetAsync("r1"))!.Tags);
    }

    [Fact]
    public async Task SaveAsync_UnknownRun_SaysNotFound()
    {
        await RunStoreFiles.ReindexAsync(_services);

        var result = await Service.SaveAsync("nope", ["x"], "");

        Assert.Equal("Run 'nope' was not found.", Assert.Single(result.Errors));
        Assert.Null(await Service.GetAsync("nope"));
        Assert.Null(await Service.GetAsync("../escape"));
    }
}
