using Hw4.Dashboard.Features.Runs.Detail;

namespace Hw4.Dashboard.Tests.Features.Runs.Detail;

public sealed class ConfigTableTests
{
    [Fact]
    public void Flatten_NestedRunJson_DottedKeysAndJoinedArrays()
    {
        var rows = ConfigTable.Flatten("""{"id":"r","config":{"epochs":3,"learning_rate":0.001,"augment":true},"tags":["a","b"],"notes":null}""");

        Assert.Equal(
            [new("id", "r"), new("config.epochs", "3"), new("config.learning_rate", "0.001"), new("config.augment", "true"), new("tags", "a, b"), new ConfigRow("notes", "–")],
            rows);
    }

    [Fact]
    public void Flatten_DamagedJson_ReturnsNoRows()
    {
        Assert.Empty(ConfigTable.Flatten("{ not json"));
        Assert.Empty(ConfigTable.Flatten(null));
    }
}
