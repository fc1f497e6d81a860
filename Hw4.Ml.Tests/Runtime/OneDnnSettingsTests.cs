using Hw4.Ml.Runtime;

namespace Hw4.Ml.Tests.Runtime;

public sealed class OneDnnSettingsTests
{
    [Fact]
    public void EnsureConfigured_WithoutTheSwitch_LeavesOneDnnOnInLibTorch()
    {
        Assert.Null(Environment.GetEnvironmentVariable(OneDnnSettings.Switch));

        Assert.True(OneDnnSettings.EnsureConfigured());

        Assert.True(OneDnnSettings.IsEnabled());
    }
}
