using System.Net.Http.Json;
using System.Text.Json;

namespace Hw4.E2E.Tests.Infrastructure;

/// <summary>
/// One server and one browser shared by the page checks (accessibility, phone width, Compare, screenshots), with two
/// finished tiny runs in it: a CNN of two epochs and a residual network of one. They are queued through the runs API,
/// so the page checks pay for training once, not once per page.
/// </summary>
public sealed class LabFixture : IAsyncLifetime
{
    /// <summary>The app.</summary>
    public AppServer Server { get; private set; } = default!;

    /// <summary>The browser.</summary>
    public Browser Browser { get; private set; } = default!;

    /// <summary>The finished CNN run.</summary>
    public string CnnRun { get; private set; } = "";

    /// <summary>The finished residual run.</summary>
    public string ResidualRun { get; private set; } = "";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Server = await AppServer.StartAsync();
        Browser = await Browser.LaunchAsync();
        using var http = new HttpClient { BaseAddress = new Uri(Server.Url), Timeout = TimeSpan.FromSeconds(30) };
        CnnRun = await QueueAsync(http, new { model = "cnn", epochs = 2, batchSize = 32, lr = 1e-3, limit = 256, valSize = 32, seed = 0 });
        ResidualRun = await QueueAsync(http, new { model = "residual", epochs = 1, batchSize = 32, lr = 1e-3, limit = 256, valSize = 32, seed = 0 });
        await WaitFinishedAsync(http, CnnRun);
        await WaitFinishedAsync(http, ResidualRun);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Server.DisposeAsync();
    }

    private static async Task<string> QueueAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync("/api/runs", body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api/runs: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    // Training two tiny runs takes seconds alone and a few minutes on a busy 2-core machine: the bound is generous,
    // and a run that ends in any other state fails the fixture with its message.
    private async Task WaitFinishedAsync(HttpClient http, string id, int seconds = 600)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var status = JsonDocument.Parse(await http.GetStringAsync($"/api/runs/{id}")).RootElement;
            var state = status.GetProperty("status").GetString();
            if (state == "completed")
                return;
            if (state is "failed" or "diverged" or "stopped" or "interrupted")
                throw new InvalidOperationException($"run {id} ended {state}: {status}\n{Server.Output}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"run {id} not finished in {seconds} s (last: {status})\n{Server.Output}");
            await Task.Delay(250);
        }
    }
}
