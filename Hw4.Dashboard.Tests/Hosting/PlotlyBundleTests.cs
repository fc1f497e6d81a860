using System.Text;
using Hw4.Dashboard.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Hw4.Dashboard.Tests.Hosting;

/// <summary>The browser gets plotly.js's cartesian bundle where Plotly.Blazor asks for its full one.</summary>
[Collection(HostingCollection.Name)]
public sealed class PlotlyBundleTests
{
    [Fact]
    public async Task Get_PlotlyBlazorBundleUrls_ServeTheCartesianBundle()
    {
        var dir = Directory.CreateTempSubdirectory("hw4-plotly-").FullName;
        var app = WebHost.Build([
            "--urls", "http://127.0.0.1:0", "--Hw4:Device", "cpu",
            "--Hw4:ArtifactsDir", Path.Combine(dir, "runs"), "--Hw4:Database", Path.Combine(dir, "hw4.db"),
            "--Logging:LogLevel:Default", "Warning",
        ]);
        try
        {
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

            foreach (var path in new[] { PlotlyBundle.FullBundlePath, PlotlyBundle.BasicBundlePath, PlotlyBundle.CartesianBundlePath })
            {
                using var response = await http.GetAsync(path);
                Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.Contains($"plotly.js (cartesian - minified) v{PlotlyBundle.PlotlyJsVersion}", body[..200]);
                // V8's compile hint must be the file's first line, or Chromium compiles plotly.js lazily on the main thread.
                Assert.StartsWith("//# allFunctionsCalledOnLoad\n", body);
                Assert.InRange(body.Length, 1_000_000, 2_000_000);
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void PlotlyBlazor_LoadsTheBundleUrlThatIsRewritten()
    {
        // Plotly.Blazor's interop holds the script URL as a string literal. After an upgrade that changes it, the rewrite
        // would silently stop applying and the full bundle would be back: update the vendored file and the version then.
        var dll = File.ReadAllBytes(typeof(Plotly.Blazor.PlotlyChart).Assembly.Location);
        var literal = Encoding.Unicode.GetBytes("." + PlotlyBundle.FullBundlePath);

        Assert.True(dll.AsSpan().IndexOf(literal) >= 0, $"Plotly.Blazor no longer loads {PlotlyBundle.FullBundlePath}");
    }
}
