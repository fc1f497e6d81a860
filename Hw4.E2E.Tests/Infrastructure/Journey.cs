using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hw4.E2E.Tests.Infrastructure;

/// <summary>
/// One test's world: its own server (temp artifacts folder, index and cache) and its own headless browser, or the
/// <paramref name="shared"/> world of its class (<see cref="JourneyWorld"/> as a class fixture). When the test fails,
/// the server's output goes to the test log.
/// </summary>
public abstract class Journey(ITestOutputHelper output, JourneyWorld? shared = null) : IAsyncLifetime
{
    private JourneyWorld? _own;

    /// <summary>The app.</summary>
    protected AppServer Server => (shared ?? _own)!.Server;

    /// <summary>The browser.</summary>
    protected Browser Browser => (shared ?? _own)!.Browser;

    /// <summary>Extra <c>--Key value</c> settings for the server (a test's own world only).</summary>
    protected virtual string[] Settings => [];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (shared is not null)
            return;
        _own = new JourneyWorld(Settings);
        await _own.InitializeAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if ((shared ?? _own)?.Server is { } server)
            output.WriteLine(server.Output);
        if (_own is not null)
            await _own.DisposeAsync();
    }

    /// <summary>A page at <paramref name="path"/>, live.</summary>
    protected async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var page = await Browser.NewPageAsync(width, height);
        await page.OpenAsync(Server, path);
        return page;
    }
}
