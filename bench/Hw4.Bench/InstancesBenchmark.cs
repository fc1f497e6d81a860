using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hw4.Dashboard.Features.Api;
using Hw4.Testing;
using Hw4.Testing.Servers;

namespace Hw4.Bench;

/// <summary>
/// <c>stream-instances</c>: epoch end to a hub client across instances, the team topology as processes on this machine:
/// throw-away PostgreSQL and Redis servers (Hw4.Testing, from Debian's <c>postgresql</c> and <c>redis-server</c>), two
/// dashboard instances that only serve pages (<c>Hw4:Train=false</c>) and a <c>worker</c>. A run of many one-batch
/// epochs is queued on instance A and trained by the worker; one hub client on instance B (a <c>stream-clients</c>
/// child) takes each <c>EpochCompleted</c>'s time as stamped on the worker to its arrival. Prints p50, p95 and max.
/// </summary>
internal static class InstancesBenchmark
{
    public static int Run(string[] rawArgs) => BenchArgs.Run(rawArgs, RunAsync);

    private static async Task<int> RunAsync(BenchArgs args)
    {
        var epochs = args.GetInt("--epochs", 40);
        var root = Directory.CreateTempSubdirectory("hw4-bench-instances-").FullName;
        var children = new List<Child>();
        try
        {
            // One batch of 8 a epoch and a tiny validation pass: the epochs end as fast as the worker can number them.
            var data = BenchData.SubsetDataDir(args.Get("--data"), trainPerClass: 4, testPerClass: 1);
            await using var postgres = await PostgresServer.StartNewAsync();
            await using var redis = await RedisServer.StartNewAsync();
            string[] shared =
            [
                "--Hw4:Device", "cpu", "--Hw4:DataDir", data, "--Hw4:ArtifactsDir", Path.Combine(root, "runs"),
                "--Hw4:Postgres", postgres.ConnectionStringFor("postgres"), "--Hw4:Redis", redis.Configuration,
            ];
            var a = Child.StartWeb(root, shared);
            var b = Child.StartWeb(root, shared);
            children.AddRange([a, b]);
            await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());
            var worker = Child.StartWorker(root, [.. shared, "--name", "bench-worker"]);
            children.Add(worker);
            await worker.WaitForOutputAsync("Hw4 Lab worker bench-worker");

            await using var clients = await ClientProcess.StartAsync(b.Url, 1, "messagepack");
            using var http = new HttpClient { BaseAddress = new Uri(a.Url), Timeout = TimeSpan.FromMinutes(2) };
            using var response = await http.PostAsJsonAsync(RunsApi.BasePath, new
            {
                model = "cnn", epochs, batchSize = 8, lr = 1e-3, seed = 3, augment = false, limit = 8, valSize = 8,
            });
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"POST {RunsApi.BasePath} on A: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var run = (await response.Content.ReadFromJsonAsync<RunAccepted>())!.Id;
            var (latencies, events) = await clients.FollowAsync(run);

            var p50 = Stats.Median(latencies);
            var p95 = Stats.Percentile(latencies, 95);
            var max = latencies.Count == 0 ? double.NaN : latencies.Max();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch end on the worker to a hub client on B, {latencies.Count} epochs ({events} events): p50 {p50:F1} ms, p95 {p95:F1} ms, max {max:F1} ms"));
            if (args.Has("--json"))
                Console.WriteLine(JsonSerializer.Serialize(new { epochs = latencies.Count, events, p50_ms = p50, p95_ms = p95, max_ms = max }));
            return latencies.Count == epochs ? 0 : 1;
        }
        catch (PrerequisiteMissingException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        finally
        {
            foreach (var child in children)
                child.Dispose();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The built dashboard (Hw4.Dashboard.dll beside this benchmark) as a child process.</summary>
    private sealed class Child : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private Child(Process process, string url)
        {
            _process = process;
            Url = url;
        }

        public string Url { get; }

        private string Output
        {
            get
            {
                lock (_output)
                    return _output.ToString();
            }
        }

        public static Child StartWeb(string root, string[] settings)
        {
            var port = LoopbackPort.Free();
            return Start(root, $"http://127.0.0.1:{port}",
                ["--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default", "Warning", "--Hw4:Train", "false", .. settings]);
        }

        public static Child StartWorker(string root, string[] settings) => Start(root, "", ["worker", .. settings]);

        public async Task WaitUntilHealthyAsync()
        {
            using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(10) };
            await UntilAsync(async () =>
            {
                try
                {
                    using var response = await http.GetAsync("/healthz");
                    return response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, "healthy");
        }

        public Task WaitForOutputAsync(string text) => UntilAsync(() => Task.FromResult(Output.Contains(text, StringComparison.Ordinal)), $"'{text}' printed");

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private static Child Start(string root, string url, string[] args)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
            foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "Hw4.Dashboard.dll") }.Concat(args))
                info.ArgumentList.Add(arg);
            info.Environment["XDG_CACHE_HOME"] = Path.Combine(root, "cache");
            var process = Process.Start(info) ?? throw new InvalidOperationException("could not start Hw4.Dashboard");
            var child = new Child(process, url);
            process.OutputDataReceived += (_, e) => child.Append(e.Data);
            process.ErrorDataReceived += (_, e) => child.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return child;
        }

        private async Task UntilAsync(Func<Task<bool>> condition, string what)
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!await condition())
            {
                if (_process.HasExited)
                    throw new InvalidOperationException($"Hw4.Dashboard exited with {_process.ExitCode} before {what}:\n{Output}");
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"Hw4.Dashboard not {what} in 3 minutes:\n{Output}");
                await Task.Delay(100);
            }
        }

        private void Append(string? line)
        {
            if (line is null)
                return;
            lock (_output)
                _output.AppendLine(line);
        }
    }
}
