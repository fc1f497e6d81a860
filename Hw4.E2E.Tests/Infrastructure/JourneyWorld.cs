namespace Hw4.E2E.Tests.Infrastructure;

/// <summary>
/// A server and a browser: a <see cref="Journey"/>'s own, or, as a class fixture, shared by the tests of a class whose
/// journeys change nothing the others see (each still gets its own browser context), so they start one server, not one
/// each.
/// </summary>
public sealed class JourneyWorld : IAsyncLifetime
{
    private readonly string[] _settings;

    /// <summary>A world with the default settings (the class-fixture form).</summary>
    public JourneyWorld()
        : this([])
    {
    }

    /// <summary>
    /// A world whose server gets <paramref name="settings"/> (<c>--Key value</c> pairs). Internal: xUnit builds a class
    /// fixture only through its one public constructor.
    /// </summary>
    internal JourneyWorld(string[] settings) => _settings = settings;

    /// <summary>The app.</summary>
    public AppServer Server { get; private set; } = default!;

    /// <summary>The browser.</summary>
    public Browser Browser { get; private set; } = default!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        // The browser first: where Chromium is missing the test is skipped before a server starts.
        Browser = await Browser.LaunchAsync();
        Server = await AppServer.StartAsync(_settings);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        // Either may be missing when the start failed (or Chromium is not installed).
        if (Browser is not null)
            await Browser.DisposeAsync();
        if (Server is not null)
            await Server.DisposeAsync();
    }
}
