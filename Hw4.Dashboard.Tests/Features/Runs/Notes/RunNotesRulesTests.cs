using Hw4.Dashboard.Features.Runs.Notes;

namespace Hw4.Dashboard.Tests.Features.Runs.Notes;

public sealed class RunNotesRulesTests
{
    [Fact]
    public void Validate_MixedCaseSpacedAndRepeatedTags_TrimsLowerCasesAndDeduplicates()
    {
        var result = RunNotesRules.Validate(["  Baseline ", "LR-0.01", "baseline", "aug_v2"], "kept as is\n");

        Assert.True(result.IsValid);
        Assert.Equal(["baseline", "lr-0.01", "aug_v2"], result.Tags);
        Assert.Equal("kept as is\n", result.Notes);
    }

    [Theory]
    [InlineData("two words", "Tag 'two words' may only use letters a-z, digits, '-', '_' and '.'.")]
    [InlineData("café", "Tag 'café' may only use letters a-z, digits, '-', '_' and '.'.")]
    [InlineData("a/b", "Tag 'a/b' may only use letters a-z, digits, '-', '_' and '.'.")]
    [InlineData("   ", "A tag cannot be empty.")]
    [InlineData("abcdefghijabcdefghijabcdefghijabc", "Tag 'abcdefghijabcdefghijabcdefghijabc' is 33 characters long; the limit is 32.")]
    public void Validate_BadTag_IsRejectedWithAMessageNamingIt(string tag, string message)
    {
        var result = RunNotesRules.Validate(["ok", tag], null);

        Assert.False(result.IsValid);
        Assert.Equal(message, Assert.Single(result.Errors));
        Assert.Equal(["ok"], result.Tags);
    }

    [Fact]
    public void Validate_SeventeenTags_SaysTheLimit()
    {
        var result = RunNotesRules.Validate(Enumerable.Range(1, 17).Select(i => $"t{i}"), "");

        Assert.Equal("A run can have at most 16 tags; 17 were given.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Validate_NotesOverTheLimit_SaysBothLengths()
    {
        var exactly = RunNotesRules.Validate([], new string('x', RunNotesRules.MaxNotesLength));
        var over = RunNotesRules.Validate([], new string('x', RunNotesRules.MaxNotesLength + 1));

        Assert.True(exactly.IsValid);
        Assert.Equal("Notes are 10,001 characters long; the limit is 10,000.", Assert.Single(over.Errors));
    }

    [Fact]
    public void NormalizeTag_ThirtyTwoAllowedCharacters_IsAccepted()
    {
        var tag = "abc-_.0123456789" + new string('z', 16);

        Assert.Equal((tag, null), RunNotesRules.NormalizeTag(tag.ToUpperInvariant()));
    }
}
