using Bunit;
using Hw4.Dashboard.Components.Runs;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Tests.Features.Runs;
using Hw4.Ml.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Components.Runs;

/// <summary>The notes editor against real run folders and a real SQLite index.</summary>
public sealed class RunNotesEditorTests : MudBunitTest, IDisposable
{
    private readonly RunStoreFiles _files = new();

    public RunNotesEditorTests() => _files.AddTo(Context.Services);

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task AddTag_BadTag_ShowsMessageInlineAndKeepsItOut()
    {
        _files.WriteRun("r1", tags: ["from-cli"]);
        await RunStoreFiles.ReindexAsync(Context.Services);
        var cut = Context.Render<RunNotesEditor>(p => p.Add(e => e.RunId, "r1"));

        await cut.InvokeAsync(() => cut.Instance.NewTag = "Good, b@d");
        cut.Find("[data-testid=add-tag]").Click();

        Assert.Equal(["from-cli", "good"], cut.Instance.Tags);
        Assert.Equal("Tag 'b@d' may only use letters a-z, digits, '-', '_' and '.'.", cut.Instance.TagError);
        Assert.Contains("may only use letters a-z, digits", cut.Find(".mud-input-error").TextContent);
        Assert.Equal("b@d", cut.Instance.NewTag);
    }

    [Fact]
    public async Task Save_TagsAndNotes_WritesNotesFileAndIndex()
    {
        var dir = _files.WriteRun("r2");
        await RunStoreFiles.ReindexAsync(Context.Services);
        var cut = Context.Render<RunNotesEditor>(p => p.Add(e => e.RunId, "r2"));

        await cut.InvokeAsync(() =>
        {
            cut.Instance.NewTag = "Baseline";
            cut.Instance.AddTag();
            cut.Instance.NotesText = "looks fine";
        });
        cut.Find("[data-testid=save-notes]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Saved at", cut.Markup));
        var notes = RunDirectory.Open(dir).ReadNotes();
        Assert.Equal(["baseline"], notes.Tags);
        Assert.Equal("looks fine", notes.Notes);
        Assert.Equal(["baseline"], (await Context.Services.GetRequiredService<RunIndex>().GetAsync("r2"))!.Tags);
        Assert.Single(cut.FindAll("[data-testid=tags] .mud-chip"));
    }

    [Fact]
    public async Task Save_WithARefusedTagInTheField_SaysWhyBesideSaveAndWritesNothing()
    {
        var dir = _files.WriteRun("r3");
        await RunStoreFiles.ReindexAsync(Context.Services);
        var cut = Context.Render<RunNotesEditor>(p => p.Add(e => e.RunId, "r3"));

        // The reported sequence: add "good", try "bad!" (refused), type a note, press Save.
        await cut.InvokeAsync(() => cut.Instance.NewTag = "good");
        cut.Find("[data-testid=add-tag]").Click();
        await cut.InvokeAsync(() => cut.Instance.NewTag = "bad!");
        cut.Find("[data-testid=add-tag]").Click();
        await cut.InvokeAsync(() => cut.Instance.NotesText = "a note");
        Assert.True(cut.Instance.IsDirty);
        cut.Find("[data-testid=save-notes]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Not saved: Tag 'bad!'", cut.Find("[data-testid=notes-error]").TextContent.Trim()));
        Assert.Equal(["good"], cut.FindAll("[data-testid=tags] .mud-chip").Select(c => c.TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=notes-saved]"));
        Assert.False(File.Exists(Path.Combine(dir, RunDirectory.NotesFile)));

        // Clearing the field and saving again writes both, and says so.
        await cut.InvokeAsync(() => cut.Instance.NewTag = "");
        cut.Find("[data-testid=save-notes]").Click();
        cut.WaitForAssertion(() => Assert.StartsWith("Saved at", cut.Find("[data-testid=notes-saved]").TextContent.Trim()));
        Assert.Equal(["good"], RunDirectory.Open(dir).ReadNotes().Tags);
        Assert.Equal("a note", RunDirectory.Open(dir).ReadNotes().Notes);
        Assert.False(cut.Instance.IsDirty);
        Assert.Empty(cut.FindAll("[data-testid=notes-error]"));
    }

    [Fact]
    public async Task Render_DamagedNotesFile_SaysSoInsteadOfThrowing()
    {
        var dir = _files.WriteRun("r4");
        File.WriteAllText(Path.Combine(dir, RunDirectory.NotesFile), "{ broken");
        await RunStoreFiles.ReindexAsync(Context.Services);

        var cut = Context.Render<RunNotesEditor>(p => p.Add(e => e.RunId, "r4"));

        Assert.Contains("notes.json", cut.Find("[data-testid=notes-load-error]").TextContent);
    }

    [Fact]
    public async Task Render_UnknownRun_SaysNotFound()
    {
        await RunStoreFiles.ReindexAsync(Context.Services);
        var cut = Context.Render<RunNotesEditor>(p => p.Add(e => e.RunId, "missing"));

        Assert.True(cut.Instance.NotFound);
        Assert.Contains("was not found; nothing to edit", cut.Markup);
    }
}
