using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Hw4.Ml.Data;

namespace Hw4.Ml.Tests.Data;

public sealed class CifarDownloaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly HttpListener _listener = new();
    private readonly Uri _uri;
    private readonly byte[] _archive;
    private int _requests;

    public CifarDownloaderTests()
    {
        var dir = DatasetFiles.BinaryFolder(_temp.Combine("src"), ["a", "b"]);
        _archive = File.ReadAllBytes(DatasetFiles.TarGz(dir, _temp.Combine("served.tar.gz")));
        var port = FreePort();
        _uri = new Uri($"http://127.0.0.1:{port}/cifar-10-binary.tar.gz");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = ServeAsync();
    }

    public void Dispose()
    {
        _listener.Close();
        _temp.Dispose();
    }

    private string Md5 => Convert.ToHexStringLower(MD5.HashData(_archive));

    [Fact]
    public async Task DownloadAsync_Md5Matches_WritesArchiveThatLoads()
    {
        using var http = new HttpClient();
        var reports = new List<DownloadProgress>();
        var downloader = new CifarDownloader(http, _uri, Md5);

        var path = await downloader.DownloadAsync(_temp.Combine("dl", "cifar-10-binary.tar.gz"), new SyncProgress(reports.Add));

        Assert.Equal(_archive, await File.ReadAllBytesAsync(path));
        Assert.Equal(_archive.Length, reports[^1].BytesReceived);
        Assert.Equal(_archive.Length, reports[^1].TotalBytes);
        var data = DatasetLoader.Load(path, new DatasetLoadOptions { UseCache = false });
        Assert.Equal(10, data.Train.Count);
        Assert.Single(Directory.GetFiles(_temp.Combine("dl")));
    }

    [Fact]
    public async Task DownloadAsync_Md5Mismatch_ThrowsAndLeavesNoFile()
    {
        using var http = new HttpClient();
        var downloader = new CifarDownloader(http, _uri, CifarDownloader.OfficialMd5);

        var ex = await Assert.ThrowsAsync<DatasetException>(() => downloader.DownloadAsync(_temp.Combine("dl", "cifar-10-binary.tar.gz")));

        Assert.Contains("MD5", ex.Message);
        Assert.Contains(CifarDownloader.OfficialMd5, ex.Message);
        Assert.Empty(Directory.GetFiles(_temp.Combine("dl")));
    }

    [Fact]
    public async Task DownloadAsync_FileAlreadyValid_SkipsRequest()
    {
        using var http = new HttpClient();
        var target = _temp.Combine("cifar-10-binary.tar.gz");
        await File.WriteAllBytesAsync(target, _archive);
        var downloader = new CifarDownloader(http, _uri, Md5);

        await downloader.DownloadAsync(target);

        Assert.Equal(0, Volatile.Read(ref _requests));
    }

    [Fact]
    public async Task DownloadAsync_NotFound_ClearError()
    {
        using var http = new HttpClient();
        var downloader = new CifarDownloader(http, new Uri(_uri, "missing.tar.gz"), Md5);

        var ex = await Assert.ThrowsAsync<DatasetException>(() => downloader.DownloadAsync(_temp.Combine("dl", "x.tar.gz")));

        Assert.Contains("404", ex.Message);
        Assert.Empty(Directory.GetFiles(_temp.Combine("dl")));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            using var response = context.Response;
            if (context.Request.Url!.AbsolutePath != _uri.AbsolutePath)
            {
                response.StatusCode = 404;
                continue;
            }

            response.ContentLength64 = _archive.Length;
            await response.OutputStream.WriteAsync(_archive);
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private sealed class SyncProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
