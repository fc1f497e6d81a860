using Hw4.Ml.Runtime;

namespace Hw4.Ml.Tests.Runtime;

public sealed class OneDnnSettingsTests
{
    [Fact]
    public void EnsureDisabled_Default_TurnsOneDnnOffInLibTorch()
    {
        Assert.Null(Environment.GetEnvironmentVariable("HW4_ONEDNN"));

        Assert.True(OneDnnSettings.EnsureDisabled());

        Assert.False(OneDnnSettings.IsEnabled());
    }
}
