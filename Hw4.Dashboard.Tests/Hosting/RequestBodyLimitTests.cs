using System.Net;
using System.Text.Json;
using Hw4.Dashboard.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hw4.Dashboard.Tests.Hosting;

[Collection(HostingCollection.Name)]
public sealed class RequestBodyLimitTests(Hw4WebApplicationFactory factory) : IClassFixture<Hw4WebApplicationFactory>
{
    private const int FiftyMegabytes = 50_000_000;

    [Theory]
    [InlineData("/api/runs")]
    [InlineData("/healthz")]
    [InlineData("/")]
    public async Task Post_50MBWithContentLength_413JsonProblemNamingTheLimit(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(path, new ByteArrayContent(new byte[FiftyMegabytes]));

        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task Post_SmallJsonToApi_NotRefusedByTheLimit()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/runs", new StringContent("{\"model\":\"nope\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Post_ChunkedBodyPastTheLimitToKestrel_413JsonProblemAndTheServerKeepsServing()
    {
        var dir = Directory.CreateTempSubdirectory("hw4-limit-").FullName;
        var app = WebHost.Build([
            "--urls", "http://127.0.0.1:0", "--Hw4:Device", "cpu",
            "--Hw4:ArtifactsDir", Path.Combine(dir, "runs"), "--Hw4:Database", Path.Combine(dir, "hw4.db"),
            "--Logging:LogLevel:Default", "Warning",
        ]);
        // An endpoint of the test's own that reads whatever it is sent, so the check does not hang on the runs API.
        app.MapPost("/test/read-body", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            return Results.Ok();
        });
        try
        {
            await app.StartAsync();
            var url = new Uri(app.Urls.First());
            using var http = new HttpClient { BaseAddress = url };

            // No Content-Length: the body streams in chunks, so only counting while reading can stop it. A raw socket,
            // because the server answers and closes while the client is still sending, which HttpClient reports as a
            // broken pipe instead of the response.
            var (status, headers, body) = await PostChunkedAsync(url, "/test/read-body", totalBytes: 2 << 20);

            Assert.Equal(413, status);
            Assert.Contains("content-type: application/problem+json", headers, StringComparison.OrdinalIgnoreCase);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal("The request body is over the 1,048,576-byte limit.", problem.RootElement.GetProperty("detail").GetString());
            using var health = await http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
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
    public async Task RunAsync_MaxRequestBodyBytesZero_ExitsWithCode2WithoutStarting()
    {
        var dir = Directory.CreateTempSubdirectory("hw4-badlimit-").FullName;
        try
        {
            var code = await WebHost.RunAsync(["--urls", "http://127.0.0.1:0", "--Hw4:Device", "cpu", "--Hw4:MaxRequestBodyBytes", "0",
                "--Hw4:Database", Path.Combine(dir, "x.db"), "--Hw4:ArtifactsDir", Path.Combine(dir, "runs")]);

            Assert.Equal(2, code);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("--Hw4:DatasetMaxMemberBytes", "0")]
    [InlineData("--Hw4:DatasetMaxTotalBytes", "-5")]
    public async Task RunAsync_DatasetCapOutOfRange_ExitsWithCode2WithoutStarting(string setting, string value)
    {
        var dir = Directory.CreateTempSubdirectory("hw4-badcap-").FullName;
        try
        {
            var code = await WebHost.RunAsync(["--urls", "http://127.0.0.1:0", "--Hw4:Device", "cpu", setting, value,
                "--Hw4:Database", Path.Combine(dir, "x.db"), "--Hw4:ArtifactsDir", Path.Combine(dir, "runs")]);

            Assert.Equal(2, code);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(int Status, string Headers, string Body)> PostChunkedAsync(Uri server, string path, int totalBytes)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        var sending = Task.Run(async () =>
        {
            // A JSON string that never ends: valid as far as it goes, so a JSON reader keeps reading until the limit
            // stops it (zeros would be refused as malformed JSON first, with 400).
            var opening = "{\"model\":\""u8.ToArray();
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            var prefix = System.Text.Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n");
            try
            {
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"{opening.Length:x}\r\n"));
                await stream.WriteAsync(opening);
                await stream.WriteAsync("\r\n"u8.ToArray());
                for (var sent = 0; sent < totalBytes; sent += chunk.Length)
                {
                    await stream.WriteAsync(prefix);
                    await stream.WriteAsync(chunk);
                    await stream.WriteAsync("\r\n"u8.ToArray());
                }
            }
            catch (IOException)
            {
                // The server stopped reading and closed: expected once it has refused the body.
            }
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var received = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        try
        {
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
                if (TryParse(received.ToArray()) is { } done)
                    return done;
            }
        }
        catch (IOException)
        {
            // Reset after the response arrived.
        }

        await sending;
        return TryParse(received.ToArray()) ?? throw new InvalidOperationException("no complete response: " + System.Text.Encoding.ASCII.GetString(received.ToArray()));
    }

    /// <summary>A complete HTTP/1.1 response (Content-Length or chunked body), or null while more is to come.</summary>
    private static (int Status, string Headers, string Body)? TryParse(byte[] bytes)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
            return null;
        var headers = text[..end];
        var status = int.Parse(headers.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var rest = text[(end + 4)..];
        if (headers.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            var body = new System.Text.StringBuilder();
            while (true)
            {
                var line = rest.IndexOf("\r\n", StringComparison.Ordinal);
                if (line < 0)
                    return null;
                var size = Convert.ToInt32(rest[..line], 16);
                if (size == 0)
                    return (status, headers, body.ToString());
                if (rest.Length < line + 2 + size + 2)
                    return null;
                body.Append(rest, line + 2, size);
                rest = rest[(line + 2 + size + 2)..];
            }
        }

        var length = headers.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        return rest.Length < length ? null : (status, headers, rest[..length]);
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(413, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("The request body is 50,000,000 bytes; the limit is 1,048,576 bytes.", problem.RootElement.GetProperty("detail").GetString());
    }
}
