using System.Security.Cryptography;
using Hw4.Dashboard.Configuration;
using Hw4.Ml.IO;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// The security stamp of admin sessions: a random value every admin cookie carries (with the credential's fingerprint,
/// <see cref="AdminCredentials.Stamp"/>) and <see cref="AccessPolicy"/> compares on every request, hub call and page.
/// Signing out draws a new one (<see cref="EndAll"/>), so every admin cookie issued before, a copy of the one just
/// signed out included, stops working at once; changing the password changes the fingerprint, with the same effect.
/// It is kept in <c>sessions.json</c> in the artifacts folder, so it survives a restart and every web instance on the
/// shared folder ends the same sessions; it is re-read only when the file changes.
/// </summary>
public sealed class AdminSessions(IOptions<Hw4Options> options, ILogger<AdminSessions> logger)
{
    /// <summary>The file name in the artifacts folder.</summary>
    public const string FileName = "sessions.json";

    private const long MaxFileBytes = 4096;
    private readonly Lock _lock = new();
    private (DateTime WriteTime, long Length)? _loadedStamp;
    private string? _current;

    /// <summary>The file's full path.</summary>
    public string FilePath => Path.Combine(RunStorePaths.ArtifactsDir(options.Value), FileName);

    /// <summary>The current stamp; made (and stored) on first use.</summary>
    public string Current
    {
        get
        {
            lock (_lock)
            {
                var stamp = FileStamp();
                if (_current is not null && stamp == _loadedStamp)
                    return _current;
                if (stamp is not null && Read() is { } stored)
                {
                    (_current, _loadedStamp) = (stored, stamp);
                    return stored;
                }

                return Write();
            }
        }
    }

    /// <summary>Ends every admin session: a new stamp, so no cookie issued before it is admin any more.</summary>
    public void EndAll()
    {
        lock (_lock)
            Write();
        logger.LogInformation("Every admin session was ended (sign-out)");
    }

    private string? Read()
    {
        try
        {
            var stored = MlJson.TryRead<SessionFile>(FilePath, RunStorePaths.ArtifactsDir(options.Value), FileName, MaxFileBytes);
            return stored?.Stamp is { Length: >= 16 and <= 128 } value ? value : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // A damaged file ends every session (a new stamp replaces it): safe, and it heals itself.
            logger.LogWarning("{File} cannot be read ({Reason}); a new session stamp replaces it", FileName, e.Message);
            return null;
        }
    }

    private string Write()
    {
        var value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        try
        {
            Directory.CreateDirectory(RunStorePaths.ArtifactsDir(options.Value));
            MlJson.WriteAtomic(FilePath, new SessionFile(value));
            _loadedStamp = FileStamp();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Kept in memory: this instance still ends its sessions; the next write tries the file again.
            logger.LogWarning(e, "{File} could not be written; the new session stamp holds on this instance only", FileName);
            _loadedStamp = null;
        }

        return _current = value;
    }

    private (DateTime, long)? FileStamp()
    {
        var info = new FileInfo(FilePath);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
    }

    private sealed record SessionFile(string Stamp);
}
