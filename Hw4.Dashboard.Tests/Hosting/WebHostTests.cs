using Hw4.Dashboard.Hosting;
using Microsoft.Extensions.Configuration;
using Hw4.Dashboard.Configuration;

namespace Hw4.Dashboard.Tests.Hosting;

[Collection(HostingCollection.Name)]
public sealed class WebHostTests
{
    [Fact]
    public async Task RunAsync_UnknownDevice_ExitsWithCode2WithoutStarting()
    {
        var dir = Directory.CreateTempSubdirectory("hw4-badhost-").FullName;
        try
        {
            var code = await WebHost.RunAsync(["--urls", "http://127.0.0.1:0", "--Hw4:Device", "tpu", "--Hw4:Database", Path.Combine(dir, "x.db")]);

            Assert.Equal(2, code);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:9000", true)]
    [InlineData("http_ports", "8080", true)]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:9001", true)]
    [InlineData("Hw4:Device", "cpu", false)]
    public void HasExplicitAddress_Setting_DecidesWhetherDefaultApplies(string key, string value, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        Assert.Equal(expected, DefaultUrls.HasExplicitAddress(configuration));
    }
}
