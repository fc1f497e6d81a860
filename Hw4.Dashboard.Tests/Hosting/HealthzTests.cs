using Microsoft.AspNetCore.Mvc.Testing;

namespace Hw4.Dashboard.Tests.Hosting;

[Collection(HostingCollection.Name)]
public sealed class HealthzTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Get_Healthz_Returns200()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
