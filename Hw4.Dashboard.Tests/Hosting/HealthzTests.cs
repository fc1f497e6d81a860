namespace Hw4.Dashboard.Tests.Hosting;

[Collection(HostingCollection.Name)]
public sealed class HealthzTests(Hw4WebApplicationFactory factory) : IClassFixture<Hw4WebApplicationFactory>
{
    [Fact]
    public async Task Get_Healthz_Returns200()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_Home_RendersShellWithDeviceAndNavigation()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("Hw4 Lab", html);
        Assert.Contains("queue 0", html);
        Assert.Contains(">cpu<", html);
        foreach (var link in new[] { "autograd", "denoise", "train", "runs", "compare" })
            Assert.Contains($"href=\"{link}\"", html);
    }
}
