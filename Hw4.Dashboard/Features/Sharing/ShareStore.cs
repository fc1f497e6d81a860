using System.Text.Json;
using Hw4.Dashboard.Configuration;
using Hw4.Ml.IO;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Sharing;

/// <summary>
/// The share links, in <c>shares.json</c> in the artifacts folder, written whole with <see cref="AtomicFile"/> on every
/// change. They live beside the runs rather than in the SQLite index because the index is a projection that is
/// rebuilt from the run folders (a damaged one is moved aside): links kept only there would vanish silently. A
/// damaged <c>shares.json</c> is never overwritten: every link stops working (404) and <see cref="Problem"/> says why,
/// until the file is fixed or removed. The folder may be shared storage that several web instances write: every change
/// holds an exclusive lock on <c>shares.json.lock</c> beside it (an OS file lock, which other hosts see too) and re-reads
/// the file under it, so two instances making links at once both keep theirs. A link names its runs by identity (id and
/// creation time, <see cref="SharedRun"/>): it shows nothing once a run is deleted (deleting revokes its links,
/// <see cref="RevokeRun"/>) or its folder is replaced by another run of the same id. shares.json is read like a run
/// folder's files: a regular file inside the artifacts folder, within <see cref="RunFileLimits.SharesBytes"/>.
/// </summary>
public sealed class ShareStore(IOptions<Hw4Options> options, TimeProvider time, ILogger<ShareStore> logger)
{
    /// <summary>The file name in the artifacts folder.</summary>
    public const string FileName = "shares.json";

    /// <summary>The longest a link may be made for (ten years); longer is "until revoked".</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3650);

    /// <summary>The most runs one link may name (a comparison of many runs).</summary>
    public const int MaxRuns = 32;

    private static readonly TimeSpan UseRecordInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FileLockTimeout = TimeSpan.FromSeconds(10);
    private readonly Lock _lock = new();
    private List<ShareLink> _links = [];
    private (DateTime WriteTime, long Length)? _loadedStamp;

    /// <summary>Raised after a link is made or revoked.</summary>
    public event Action? Changed;

    /// <summary>The file's full path.</summary>
    public string FilePath => Path.Combine(RunStorePaths.ArtifactsDir(options.Value), FileName);

    /// <summary>Why the stored links cannot be read, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// Makes a link to one run (<see cref="ShareKind.Run"/>) or a comparison of two or more; <paramref name="lifetime"/>
    /// null means until revoked. The link is bound to each run's identity as its run.json says now. Throws
    /// <see cref="ShareRequestException"/> for a bad request or a run that does not exist (the message names it) and
    /// <see cref="InvalidDataException"/> when the stored links are damaged. The one way links are made: the Share
    /// dialog and <c>POST /api/shares</c> both call it.
    /// </summary>
    public ShareCreated Create(ShareKind kind, IReadOnlyList<string> runIds, bool allowCheckpoints, TimeSpan? lifetime)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        var ids = runIds.Distinct(StringComparer.Ordinal).ToList();
        if (!Enum.IsDefined(kind))
            throw new ShareRequestException("A link shows a run, a comparison or a report.");
        if (ids.Any(id => !RunId.IsValid(id)))
            throw new ShareRequestException("A share link can only name valid run ids.");
        if (kind == ShareKind.Run && ids.Count != 1)
            throw new ShareRequestException("A run link names exactly one run.");
        if (kind == ShareKind.Report && ids.Count < 1)
            throw new ShareRequestException("A report link names at least one run.");
        if (kind == ShareKind.Compare && ids.Count < 2)
            throw new ShareRequestException("A comparison link names two or more runs.");
        if (ids.Count > MaxRuns)
            throw new ShareRequestException($"A link names at most {MaxRuns} runs.");
        if (lifetime is { } l && (l <= TimeSpan.Zero || l > MaxLifetime))
            throw new ShareRequestException($"The expiry must be in the future and at most {MaxLifetime.TotalDays:0} days away.");

        var runs = new List<SharedRun>(ids.Count);
        foreach (var id in ids)
            runs.Add(IdentityOf(id) ?? throw new ShareRequestException($"No run '{id}'.", notFound: true));

        var now = time.GetUtcNow();
        var token = ShareTokens.NewToken();
        var link = new ShareLink(ShareTokens.NewId(), ShareTokens.Hash(token), kind, runs, kind == ShareKind.Run && allowCheckpoints, now, now + lifetime, null);
        Mutate(links => links.Add(link));
        logger.LogInformation("Share link {Id} made for {Kind} {Runs}", link.Id, kind, string.Join(",", ids));
        return new ShareCreated(link, token);
    }

    /// <summary>
    /// The active link whose token is <paramref name="token"/> (its use recorded), or null: unknown, revoked, expired,
    /// or naming a run that is gone or was replaced.
    /// </summary>
    public ShareLink? FindByToken(string? token)
    {
        if (!ShareTokens.IsWellFormed(token))
            return null;
        var hash = ShareTokens.Hash(token!);
        var link = Current().FirstOrDefault(l => string.Equals(l.TokenHash, hash, StringComparison.Ordinal));
        if (link is null || !StillShowsItsRuns(link))
            return null;
        RecordUse(link);
        return link;
    }

    /// <summary>The active link with id <paramref name="id"/> whose runs are still the ones it was made for, or null.</summary>
    public ShareLink? FindActive(string? id) =>
        id is null ? null : Current().FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.Ordinal)) is { } link && StillShowsItsRuns(link) ? link : null;

    /// <summary>The active links, newest first; only those naming <paramref name="runId"/> when given.</summary>
    public IReadOnlyList<ShareLink> Active(string? runId = null) =>
        [.. Current().Where(l => runId is null || l.RunIds.Contains(runId)).OrderByDescending(l => l.CreatedUtc)];

    /// <summary>Revokes a link; false when there is no such active link.</summary>
    public bool Revoke(string id)
    {
        var removed = false;
        Mutate(links => removed = links.RemoveAll(l => l.Id == id) > 0);
        if (removed)
            logger.LogInformation("Share link {Id} revoked", id);
        return removed;
    }

    /// <summary>
    /// Revokes every link that names <paramref name="runId"/> (a run link, and each comparison or report it is part
    /// of): what deleting a run does. Returns how many were revoked.
    /// </summary>
    /// <exception cref="InvalidDataException">The stored links are damaged (none works anyway).</exception>
    public int RevokeRun(string runId)
    {
        var removed = 0;
        Mutate(links => removed = links.RemoveAll(l => l.RunIds.Contains(runId)));
        if (removed > 0)
            logger.LogInformation("Revoked {Count} share link(s) of run {RunId}", removed, runId);
        return removed;
    }

    private List<ShareLink> Current()
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Load();
            return [.. _links.Where(l => l.IsActiveAt(now))];
        }
    }

    private void RecordUse(ShareLink link)
    {
        var now = time.GetUtcNow();
        if (link.LastUsedUtc is { } last && now - last < UseRecordInterval)
            return;
        try
        {
            Mutate(links =>
            {
                var i = links.FindIndex(l => l.Id == link.Id);
                if (i >= 0)
                    links[i] = links[i] with { LastUsedUtc = now };
            }, notify: false);
        }
        catch (IOException e)
        {
            // The link still works; only its "last used" is behind.
            logger.LogWarning("Could not record the use of share link {Id}: {Message}", link.Id, e.Message);
        }
    }

    private void Mutate(Action<List<ShareLink>> change, bool notify = true)
    {
        lock (_lock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            using var hostLock = LockFile();
            // Another host may have written within the same timestamp tick: read what is there now.
            _loadedStamp = null;
            Load();
            if (Problem is { } problem)
                throw new InvalidDataException(problem);
            var now = time.GetUtcNow();
            var links = _links.Where(l => l.IsActiveAt(now)).ToList();
            change(links);
            MlJson.WriteAtomic(FilePath, links);
            _links = links;
            _loadedStamp = Stamp();
        }

        if (notify)
            Changed?.Invoke();
    }

    // The read-modify-write of the file, one host at a time; throws IOException naming the file after FileLockTimeout.
    private FileStream LockFile()
    {
        var path = FilePath + ".lock";
        // Wall time, not the store's clock: a test's manual clock must not turn a stuck lock into an endless wait.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < FileLockTimeout)
            {
                Thread.Sleep(10);
            }
            catch (IOException e)
            {
                throw new IOException($"{FileName}.lock stayed locked by another host for {FileLockTimeout.TotalSeconds:0} s; the share links were not changed.", e);
            }
        }
    }

    // Re-read only when the file changed on disk (another server on the same folder, or a hand edit).
    private void Load()
    {
        var stamp = Stamp();
        if (stamp == _loadedStamp)
            return;
        _loadedStamp = stamp;
        if (stamp is null)
        {
            (_links, Problem) = ([], null);
            return;
        }

        try
        {
            var folder = RunStorePaths.ArtifactsDir(options.Value);
            var stored = MlJson.TryRead<List<ShareLink>>(FilePath, folder, FileName, options.Value.RunFiles.SharesBytes) ?? [];
            _links = [.. stored.Select((l, i) => Checked(l, i + 1)).OfType<ShareLink>()];
            Problem = null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            _links = [];
            Problem = $"The share links in {FileName} (in the artifacts folder) cannot be read, so none of them works until the file is fixed or removed: {e.Message}";
            logger.LogError("{Problem}", Problem);
        }
    }

    // A stored link whose every field is usable, bound to its runs' identities; null for an old link whose run is gone.
    private ShareLink? Checked(ShareLink? link, int index)
    {
        if (link is null || string.IsNullOrEmpty(link.Id) || link.Id.Length > 64 || link.TokenHash is not { Length: 64 } hash
            || !hash.All(char.IsAsciiHexDigitLower) || !Enum.IsDefined(link.Kind))
            throw new InvalidDataException($"{FileName}: link {index} is not a valid link.");
        if (link.Runs is null && link.LegacyRunIds is { } legacy)
        {
            // Made before links named their runs' identities: bound to the runs there now (deleting a run now revokes).
            var runs = legacy.Select(id => RunId.IsValid(id) ? IdentityOf(id) : null).ToList();
            if (runs.Any(r => r is null))
            {
                logger.LogInformation("Share link {Id} names a run that no longer exists; it is dropped", link.Id);
                return null;
            }

            link = link with { Runs = [.. runs.OfType<SharedRun>()], LegacyRunIds = null };
        }

        if (link.Runs is not { Count: > 0 and <= MaxRuns } named || named.Any(r => r is null || !RunId.IsValid(r.Id))
            || (link.Kind == ShareKind.Run && named.Count != 1) || (link.Kind == ShareKind.Compare && named.Count < 2))
            throw new InvalidDataException($"{FileName}: link {index} does not name its runs.");
        return link;
    }

    // The identity of run id as its folder says now, or null when there is no readable run of that id.
    private SharedRun? IdentityOf(string runId)
    {
        try
        {
            var folder = RunStorePaths.RunFolder(options.Value, runId);
            if (!Directory.Exists(folder))
                return null;
            var record = RunDirectory.Open(folder, options.Value.RunFiles).ReadRun();
            return new SharedRun(runId, record.CreatedUtc);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    // True while every run the link names exists with the creation time it was made for.
    private bool StillShowsItsRuns(ShareLink link) => link.Runs.All(r => IdentityOf(r.Id) == r);

    private (DateTime, long)? Stamp()
    {
        var info = new FileInfo(FilePath);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
    }
}
