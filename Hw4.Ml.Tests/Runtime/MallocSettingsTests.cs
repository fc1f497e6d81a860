using Hw4.Ml.Runtime;

namespace Hw4.Ml.Tests.Runtime;

public sealed class MallocSettingsTests
{
    [Fact]
    public void EnsureConfigured_OnGlibcLinuxWithoutUserOverrides_GlibcAcceptsAllThree()
    {
        Assert.True(OperatingSystem.IsLinux(), "these tests run on Linux (glibc), like the product");
        Assert.Null(Environment.GetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_"));

        Assert.True(MallocSettings.EnsureConfigured());
        Assert.True(MallocSettings.EnsureConfigured()); // idempotent
    }
}
