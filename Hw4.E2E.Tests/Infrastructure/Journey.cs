using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hw4.E2E.Tests.Infrastructure;

/// <summary>
/// One test's world: its own server (temp artifacts folder, index and cache) and its own headless browser. When the test
/// fails, the server's output goes to the test log.
/// </summary>
public abstract class Journey(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The app.</summary>
    protected AppServer Server { get; private set; } = default!;

    /// <summary>The browser.</summary>
    protected Browser Browser { get; private set; } = default!;

    /// <summary>Extra <c>--Key value</c> settings for the server.</summary>
    protected virtual string[] Settings => [];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Server = await AppServer.StartAsync(Settings);
        Browser = await Browser.LaunchAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        output.WriteLine(Server.Output);
        await Browser.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>A page at <paramref name="path"/>, live.</summary>
    protected async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var page = await Browser.NewPageAsync(width, height);
        await page.OpenAsync(Server, path);
        return page;
    }
}
