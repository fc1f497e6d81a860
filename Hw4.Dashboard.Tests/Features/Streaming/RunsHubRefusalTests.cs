using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hw4.Dashboard.Tests.Features.Streaming;

/// <summary>
/// A refused subscription is an ordinary outcome: the client gets an error, and the operator's log (the app's own
/// levels) one information line without a stack trace, so anonymous clients cannot fill the log with errors.
/// </summary>
[Collection(HostingCollection.Name)]
public sealed class RunsHubRefusalTests(AuthWebApplicationFactory factory) : IClassFixture<AuthWebApplicationFactory>
{
    [Fact]
    public async Task Subscribe_AnonymousOnAServerThatNeedsSignIn_RefusedAndLoggedOnceAtInformationWithoutAStack()
    {
        var capture = new LogCapture();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(capture))));
        await using var anonymous = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, RunsHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
            })
            .Build();
        await anonymous.StartAsync();

        // The server logs before it answers, so the entry is there once the call has failed.
        var refused = await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync("Subscribe", "20261201-000000-cnn-aaaa", (long?)null));

        Assert.Contains("unauthorized", refused.Message);
        Assert.DoesNotContain(capture.Entries, e => e.Level >= LogLevel.Warning);
        var line = Assert.Single(capture.Entries, e => e.Message.Contains("Subscribe", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("subscription", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Null(line.Exception);
        Assert.Contains("20261201-000000-cnn-aaaa", line.Message);
    }
}
