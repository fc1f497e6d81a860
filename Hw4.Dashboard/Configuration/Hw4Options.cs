using Hw4.Ml.Data;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Configuration;

/// <summary>The <c>Hw4</c> configuration section (appsettings, env <c>Hw4__*</c>, command line <c>--Hw4:*</c>).</summary>
public sealed class Hw4Options
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Hw4";

    /// <summary>
    /// Folder holding <c>datasets/</c> and <c>images/</c>. Also read from the <c>HW4_DATA</c> environment variable.
    /// Empty: look for a <c>shared/</c> folder beside the checkout (or any ancestor of it).
    /// </summary>
    public string? DataDir { get; set; }

    /// <summary>Where training runs are stored; relative paths are under the current directory.</summary>
    public string ArtifactsDir { get; set; } = "runs";

    /// <summary>
    /// The SQLite file indexing the runs. Empty: <c>hw4.db</c> in the per-user app data folder
    /// (<c>~/.local/share/Hw4</c> on Linux).
    /// </summary>
    public string? Database { get; set; }

    /// <summary>
    /// An Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>). When set, the run index lives in
    /// PostgreSQL instead of the SQLite file of <see cref="Database"/>, so several hosts can share it.
    /// </summary>
    public string? Postgres { get; set; }

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>127.0.0.1:6379</c>, <c>redis:6379,password=…</c>). When set,
    /// SignalR scales out through Redis and the hosts share their runs' events and replay log there, so a viewer on any
    /// dashboard instance follows a run trained on any host live.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>
    /// Whether this host trains runs (the default). False: it only serves pages, and the runs queued here are trained
    /// by worker hosts, which needs the shared store (<see cref="Postgres"/>).
    /// </summary>
    public bool Train { get; set; } = true;

    /// <summary>This host's name in the runs list and the job queue (<c>worker --name</c>); empty: the machine name.</summary>
    public string? HostName { get; set; }

    /// <summary>True when <see cref="Postgres"/> chooses PostgreSQL for the store.</summary>
    public bool UsesPostgres => !string.IsNullOrWhiteSpace(Postgres);

    /// <summary><c>auto</c>, <c>cpu</c> or <c>cuda</c>; resolved once at start.</summary>
    public string Device { get; set; } = "auto";

    /// <summary>
    /// Largest HTTP request body in bytes (default 1 MiB); larger ones get 413 with a JSON problem. The JSON API needs a
    /// few hundred bytes; uploads on the Denoise page travel over the Blazor circuit and have their own 20 MB limit.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 1L << 20;

    /// <summary>
    /// Largest decompressed size of one dataset file, archive member or array (default 192 MiB; CIFAR-10's largest is
    /// 176 MiB). Raise it only for a bigger dataset you trust.
    /// </summary>
    public long DatasetMaxMemberBytes { get; set; } = DatasetLoadOptions.DefaultMaxMemberBytes;

    /// <summary>Largest total decompressed size read from one dataset source (default 384 MiB).</summary>
    public long DatasetMaxTotalBytes { get; set; } = DatasetLoadOptions.DefaultMaxTotalBytes;

    /// <summary>
    /// The largest size read from each file of a run folder and from shares.json (<c>Hw4:RunFiles:RunJsonBytes</c>,
    /// <c>…:MetricsBytes</c>, …): a run folder is input like an upload. A file over its cap is refused with a message
    /// naming it, its size and the cap; the defaults are far above what a run writes.
    /// </summary>
    public RunFileLimits RunFiles { get; set; } = new();

    /// <summary>The loader options these settings give.</summary>
    public DatasetLoadOptions DatasetLoad() => new() { MaxMemberBytes = DatasetMaxMemberBytes, MaxTotalBytes = DatasetMaxTotalBytes };
}
