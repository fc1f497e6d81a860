using System.Security.Cryptography;

namespace Hw4.Ml.Data;

/// <summary>
/// Opt-in download of the official CIFAR-10 binary archive (nothing downloads unless this is called). Streams to a
/// temporary file beside the destination while computing the MD5, and renames it into place only when the MD5 equals
/// the published one; on any failure the temporary file is removed, so no partial archive is ever left behind.
/// </summary>
public sealed class CifarDownloader
{
    /// <summary>Where the University of Toronto publishes the binary version.</summary>
    public static Uri OfficialUri { get; } = new("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");

    /// <summary>The MD5 published for cifar-10-binary.tar.gz.</summary>
    public const string OfficialMd5 = "c32a1d4ab5d03f1284b67883e8d87530";

    private readonly HttpClient _http;
    private readonly Uri _uri;
    private readonly string _md5;

    /// <summary>Creates a downloader for <paramref name="uri"/> (default: the official archive) with its expected MD5.</summary>
    /// <param name="http">The client to use; the caller owns it.</param>
    /// <param name="uri">Archive address; null for <see cref="OfficialUri"/>.</param>
    /// <param name="expectedMd5">Lower- or upper-case hex MD5; null for <see cref="OfficialMd5"/>.</param>
    public CifarDownloader(HttpClient http, Uri? uri = null, string? expectedMd5 = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _uri = uri ?? OfficialUri;
        _md5 = (expectedMd5 ?? OfficialMd5).ToLowerInvariant();
    }

    /// <summary>
    /// Downloads the archive to <paramref name="destination"/> and returns its full path. An existing file with the
    /// right MD5 is kept and not downloaded again.
    /// </summary>
    /// <exception cref="DatasetException">The server failed, the connection broke, or the MD5 did not match.</exception>
    public async Task<string> DownloadAsync(string destination, IProgress<DownloadProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var target = Path.GetFullPath(destination);
        if (File.Exists(target) && await Md5OfFileAsync(target, ct).ConfigureAwait(false) == _md5)
            return target;

        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.part");
        try
        {
            string actual;
            using (var response = await _http.GetAsync(_uri, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false))
            {
                if (!response.IsSuccessStatusCode)
                    throw new DatasetException($"{_uri}: server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                var total = response.Content.Headers.ContentLength;
                await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true);
                using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
                var buffer = new byte[1 << 16];
                long received = 0;
                int n;
                while ((n = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                {
                    await file.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
                    md5.AppendData(buffer, 0, n);
                    received += n;
                    progress?.Report(new DownloadProgress(received, total));
                }

                if (total is { } expected && received != expected)
                    throw new DatasetException($"{_uri}: connection ended after {received} of {expected} bytes.");
                actual = Convert.ToHexStringLower(md5.GetHashAndReset());
            }

            if (actual != _md5)
                throw new DatasetException($"{_uri}: MD5 {actual} does not match the published {_md5}; the download was discarded.");
            File.Move(temp, target, overwrite: true);
            return target;
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new DatasetException($"{_uri}: download timed out ({ex.Message}).", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new DatasetException($"{_uri}: download failed ({ex.Message}).", ex);
        }
        catch (IOException ex)
        {
            throw new DatasetException($"{_uri}: download failed ({ex.Message}).", ex);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    private static async Task<string> Md5OfFileAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await MD5.HashDataAsync(stream, ct).ConfigureAwait(false));
    }
}
