using Hw4.Dashboard.Features.Forms;
using Hw4.Dashboard.Features.Training;

namespace Hw4.Dashboard.Tests.Features.Forms;

public sealed class NumberTextTests
{
    private static readonly NumberRule Rate = NumberRule.For<TrainSettings>(nameof(TrainSettings.LearningRate), "Learning rate");
    private static readonly NumberRule Epochs = NumberRule.For<TrainSettings>(nameof(TrainSettings.Epochs), "Epochs");
    private static readonly NumberRule Seed = NumberRule.For<TrainSettings>(nameof(TrainSettings.Seed), "Seed");
    private static readonly NumberRule Limit = NumberRule.For<TrainSettings>(nameof(TrainSettings.Limit), "Limit", "all images");
    private static readonly NumberRule X = new("x", -20, 20, Integer: false);

    [Theory]
    [InlineData("1e-3", 0.001)]
    [InlineData("0.0001", 0.0001)]
    [InlineData(" 1E-4 ", 0.0001)]
    [InlineData(".5", 0.5)]
    [InlineData("1e0", 1)]
    public void TryParse_DecimalsAndExponents_AreTheValueTyped(string text, double expected)
    {
        Assert.True(NumberText.TryParse(text, Rate, out var value, out var error));
        Assert.Null(error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1e3", 1000)]
    [InlineData("15", 15)]
    [InlineData("2.0", 2)]
    public void TryParse_WholeNumbersWithAnExponent_AreAcceptedWhereIntegersAre(string text, double expected)
    {
        Assert.True(NumberText.TryParse(text, Epochs, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1e30", "x must be between -20 and 20.")]
    [InlineData("abc", "x: \"abc\" is not a number")]
    [InlineData("", "x is required.")]
    [InlineData("   ", "x is required.")]
    [InlineData("1,5", "is not a number")]
    [InlineData("NaN", "is not a number")]
    [InlineData("Infinity", "is not a number")]
    [InlineData("1e400", "is not a number")]
    [InlineData("0x10", "is not a number")]
    [InlineData("1 000", "is not a number")]
    public void TryParse_Rest_IsRefusedWithTheReason(string text, string reason)
    {
        Assert.False(NumberText.TryParse(text, X, out var value, out var error));
        Assert.Null(value);
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("999999999999", "Seed must be zero or positive.")]
    [InlineData("2147483648", "Seed must be zero or positive.")]
    [InlineData("-1", "Seed must be zero or positive.")]
    [InlineData("1.5", "Seed must be a whole number.")]
    [InlineData("1e-3", "Seed must be a whole number.")]
    public void TryParse_IntegerField_OutOfRangeOrFractional_IsRefused(string text, string reason)
    {
        Assert.False(NumberText.TryParse(text, Seed, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void TryParse_IntMaxValue_IsAcceptedForSeed()
    {
        Assert.True(NumberText.TryParse("2147483647", Seed, out var value, out _));
        Assert.Equal(int.MaxValue, value);
    }

    [Fact]
    public void TryParse_EmptyOptionalField_IsNullAndAccepted()
    {
        Assert.True(NumberText.TryParse("", Limit, out var value, out var error));
        Assert.Null(value);
        Assert.Null(error);
    }

    [Fact]
    public void For_ReadsRangeWholeNumbersAndOptionalFromTheModel()
    {
        Assert.Equal((1.0, 1000.0, true, false), (Epochs.Min, Epochs.Max, Epochs.Integer, Epochs.Optional));
        Assert.Equal((1e-8, 10.0, false), (Rate.Min, Rate.Max, Rate.Integer));
        Assert.True(Limit.Optional);
        Assert.True(Limit.Integer);
    }

    [Fact]
    public void NumberInput_Set_ShowsTheValueItUsesOrTheReason()
    {
        var input = new NumberInput(Rate, 1e-4);
        Assert.Equal("0.0001", input.Text);

        input.Set("1e-3");
        Assert.Equal("uses 0.001", input.UsesText);
        input.Set("1e3x");
        Assert.False(input.IsValid);
        Assert.Null(input.UsesText);

        var limit = new NumberInput(Limit, null);
        Assert.Equal("uses all images", limit.UsesText);
        var epochs = new NumberInput(Epochs, 15);
        epochs.Set("1e3");
        Assert.Equal(1000, epochs.IntValue);
        Assert.Equal("uses 1000", epochs.UsesText);
    }
}
