using Hw4.Dashboard.Features.Models;
using Hw4.Ml.Models;

namespace Hw4.Dashboard.Tests.Features.Models;

public sealed class ModelDisplayNameTests
{
    [Theory]
    [InlineData("cnn", "CNN")]
    [InlineData("Cnn", "CNN")]
    [InlineData("residual", "Residual")]
    [InlineData("mystery", "mystery")]
    [InlineData(null, "–")]
    public void Of_StoredName_AsTheUiSpellsIt(string? stored, string shown)
    {
        Assert.Equal(shown, ModelDisplayName.Of(stored));
    }

    [Fact]
    public void Of_Kind_CnnIsUpperCase()
    {
        Assert.Equal("CNN", ModelDisplayName.Of(ModelKind.Cnn));
        Assert.Equal("Residual", ModelDisplayName.Of(ModelKind.Residual));
    }
}
