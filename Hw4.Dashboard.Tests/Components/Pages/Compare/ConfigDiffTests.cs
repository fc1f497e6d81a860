using Hw4.Dashboard.Components.Pages.Compare;
using Hw4.Dashboard.Store;

namespace Hw4.Dashboard.Tests.Components.Pages.Compare;

public sealed class ConfigDiffTests
{
    private static RunRow Run(string id, string model, int epochs, int trainImages, string? tag = null) => new()
    {
        Id = id,
        Model = model,
        CreatedAt = new DateTimeOffset(2026, 12, 2, 6, 29, 0, TimeSpan.Zero),
        TestAccuracy = 0.4123,
        Tags = tag is null ? [] : [tag],
        ConfigJson = $$"""
            {"id":"{{id}}","config":{"model":"{{model}}","epochs":{{epochs}},"batch_size":128,"learning_rate":0.001,"seed":0,
             "augment":true,"limit":null,"progress_every_batches":1},"train_images":{{trainImages}},"validation_images":5000}
            """,
    };

    [Fact]
    public void Create_CnnOn8192x3VsResidualOn2048x2_ListsModelEpochsAndImagesWithEachValue()
    {
        var diff = ConfigDiff.Create([Run("a", "cnn", 3, 8192), Run("b", "residual", 2, 2048)]);

        Assert.Equal(["Model", "Epochs", "Train images"], diff.Rows.Select(r => r.Setting));
        Assert.Equal(["CNN", "Residual"], diff.Rows[0].Values);
        Assert.Equal(["3", "2"], diff.Rows[1].Values);
        Assert.Equal(["8,192", "2,048"], diff.Rows[2].Values);
        Assert.Contains("Batch size", diff.Same);
        Assert.Contains("Validation images", diff.Same);
        // Bookkeeping is no part of the recipe.
        Assert.DoesNotContain("Progress every batches", diff.Same);
        Assert.StartsWith("Same in all: ", diff.SameText);
    }

    [Fact]
    public void Create_DamagedRunJson_ValuesReadQuestionMarkInsteadOfFailing()
    {
        var broken = Run("b", "cnn", 3, 8192);
        broken.ConfigJson = "{ not json";

        var diff = ConfigDiff.Create([Run("a", "cnn", 3, 8192), broken]);

        var epochs = Assert.Single(diff.Rows, r => r.Setting == "Epochs");
        Assert.Equal(["3", "?"], epochs.Values);
    }

    [Fact]
    public void PickerLabel_ShowsModelDateTestAccuracyAndTags()
    {
        Assert.Equal("a · CNN · 2026-12-02 06:29 · test 41.2 % · baseline", ComparePickerLabel.For(Run("a", "cnn", 3, 8192, "baseline")));
    }
}
