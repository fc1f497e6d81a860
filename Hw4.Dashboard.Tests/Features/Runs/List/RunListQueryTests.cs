using Hw4.Dashboard.Features.Runs.List;
using Hw4.Dashboard.Store;

namespace Hw4.Dashboard.Tests.Features.Runs.List;

public sealed class RunListQueryTests
{
    private static RunRow Run(string id, string? model, string status, double? valLoss, double? accuracy, int day, params string[] tags) => new()
    {
        Id = id,
        Model = model,
        Status = status,
        BestValLoss = valLoss,
        TestAccuracy = accuracy,
        CreatedAt = new DateTimeOffset(2026, 11, day, 12, 0, 0, TimeSpan.Zero),
        Tags = [.. tags],
    };

    private static readonly RunRow[] Runs =
    [
        Run("a-cnn", "cnn", "finished", 0.90, 0.70, 20, "baseline"),
        Run("b-res", "residual", "finished", 0.75, 0.78, 22, "baseline", "aug"),
        Run("c-cnn", "cnn", "diverged", null, null, 24, "lr-high"),
        Run("d-res", "residual", "running", 1.10, null, 26),
    ];

    [Fact]
    public void Apply_Defaults_NewestFirst()
    {
        Assert.Equal(["d-res", "c-cnn", "b-res", "a-cnn"], new RunListQuery().Apply(Runs).Select(r => r.Id));
    }

    [Fact]
    public void Apply_TextMatchesTagOrModelOrIdAndAllWords_CaseInsensitive()
    {
        var query = new RunListQuery { Text = "BASELINE" };
        Assert.Equal(["b-res", "a-cnn"], query.Apply(Runs).Select(r => r.Id));

        query.Text = "residual aug";
        Assert.Equal(["b-res"], query.Apply(Runs).Select(r => r.Id));

        query.Text = "c-c";
        Assert.Equal(["c-cnn"], query.Apply(Runs).Select(r => r.Id));

        query.Text = "nothing-like-this";
        Assert.Empty(query.Apply(Runs));
    }

    [Fact]
    public void Apply_StatusAndModelSelects_BothMustMatch()
    {
        var query = new RunListQuery { Status = "finished", Model = "cnn" };

        Assert.Equal(["a-cnn"], query.Apply(Runs).Select(r => r.Id));
    }

    [Fact]
    public void SortBy_BestValLoss_LowestFirstThenFlipsAndMissingStaysLast()
    {
        var query = new RunListQuery();

        query.SortBy(RunSortColumn.BestValLoss);
        var ascending = query.Apply(Runs).Select(r => r.Id).ToList();
        query.SortBy(RunSortColumn.BestValLoss);
        var descending = query.Apply(Runs).Select(r => r.Id).ToList();

        Assert.Equal(["b-res", "a-cnn", "d-res", "c-cnn"], ascending);
        Assert.True(query.Descending);
        Assert.Equal(["d-res", "a-cnn", "b-res", "c-cnn"], descending);
    }

    [Fact]
    public void SortBy_TestAccuracy_HighestFirstWithMissingLastByDate()
    {
        var query = new RunListQuery();

        query.SortBy(RunSortColumn.TestAccuracy);

        Assert.Equal(["b-res", "a-cnn", "d-res", "c-cnn"], query.Apply(Runs).Select(r => r.Id));
    }

    [Fact]
    public void SortBy_TagsThenModel_AlphabeticalUntaggedLastThenTiesByNewest()
    {
        var query = new RunListQuery();

        query.SortBy(RunSortColumn.Tags);
        var byTags = query.Apply(Runs).Select(r => r.Id).ToList();
        query.SortBy(RunSortColumn.Model);
        var byModel = query.Apply(Runs).Select(r => r.Id).ToList();

        Assert.Equal(["a-cnn", "b-res", "c-cnn", "d-res"], byTags);
        Assert.False(query.Descending);
        Assert.Equal(["c-cnn", "a-cnn", "d-res", "b-res"], byModel);
    }

    [Fact]
    public void SortBy_CreatedTwice_OldestFirst()
    {
        var query = new RunListQuery();

        query.SortBy(RunSortColumn.Created);

        Assert.Equal(["a-cnn", "b-res", "c-cnn", "d-res"], query.Apply(Runs).Select(r => r.Id));
    }

    [Fact]
    public void StatusesOfAndModelsOf_DistinctSorted()
    {
        Assert.Equal(["diverged", "finished", "running"], RunListQuery.StatusesOf(Runs));
        Assert.Equal(["cnn", "residual"], RunListQuery.ModelsOf(Runs));
    }

    [Fact]
    public void ToAddress_Defaults_AllNull_SoTheDefaultListIsABareAddress()
    {
        Assert.All(new RunListQuery().ToAddress().Values, Assert.Null);
    }

    [Fact]
    public void FromAddress_WhatToAddressWrote_SameFiltersSortAndRows()
    {
        var query = new RunListQuery { Text = "baseline", Model = "residual", Kind = "train" };
        query.SortBy(RunSortColumn.BestValLoss);
        query.SortBy(RunSortColumn.BestValLoss);
        var address = query.ToAddress();

        var back = RunListQuery.FromAddress((string?)address["q"], (string?)address["status"], (string?)address["model"], (string?)address["sort"], (string?)address["dir"], (string?)address["kind"]);

        Assert.Equal("bestvalloss", address["sort"]);
        Assert.Equal("desc", address["dir"]);
        Assert.Equal("train", address["kind"]);
        Assert.Equal((RunSortColumn.BestValLoss, true, "baseline", "residual", "train"), (back.SortColumn, back.Descending, back.Text, back.Model, back.Kind));
        Assert.Equal(query.Apply(Runs).Select(r => r.Id), back.Apply(Runs).Select(r => r.Id));
    }

    [Fact]
    public void Host_FilterSortAndAddress_RoundTrip()
    {
        RunRow[] runs =
        [
            Run("a-cnn", "cnn", "completed", 0.9, 0.7, 20),
            Run("b-cnn", "cnn", "completed", 0.8, 0.7, 21),
            Run("c-cnn", "cnn", "queued", null, null, 22),
        ];
        runs[0].Host = "gpu-2";
        runs[1].Host = "GPU-1";
        var query = new RunListQuery { Host = "gpu-1" };
        query.SortBy(RunSortColumn.Host);
        var address = query.ToAddress();

        var back = RunListQuery.FromAddress((string?)address["q"], (string?)address["status"], (string?)address["model"],
            (string?)address["sort"], (string?)address["dir"], (string?)address["kind"], (string?)address["host"]);

        Assert.Equal(("gpu-1", "host"), ((string?)address["host"], (string?)address["sort"]));
        Assert.Equal(["b-cnn"], back.Apply(runs).Select(r => r.Id));
        var byHost = new RunListQuery();
        byHost.SortBy(RunSortColumn.Host);
        Assert.Equal(["b-cnn", "a-cnn", "c-cnn"], byHost.Apply(runs).Select(r => r.Id));
        Assert.Equal(["a-cnn"], new RunListQuery { Text = "gpu-2" }.Apply(runs).Select(r => r.Id));
        Assert.Equal(["GPU-1", "gpu-2"], RunListQuery.HostsOf(runs));
    }

    [Fact]
    public void FromAddress_UnknownSortAndDirection_DefaultsNewestFirst()
    {
        var query = RunListQuery.FromAddress(null, "", null, "nonsense", "sideways");

        Assert.Equal((RunSortColumn.Created, true), (query.SortColumn, query.Descending));
        Assert.Null(query.Status);
        Assert.Equal(["d-res", "c-cnn", "b-res", "a-cnn"], query.Apply(Runs).Select(r => r.Id));
    }
}
