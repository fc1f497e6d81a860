using System.Diagnostics;

namespace Hw4.Ml.Runs;

/// <summary>
/// The process that runs a run: host name, process id and that process's start time (so a recycled pid is not taken for
/// the owner), and its last heartbeat. A run says "running" only while its owner lives: a dashboard on the same machine
/// interrupts it once the process is gone, one elsewhere once the heartbeat stopped changing for the timeout.
/// </summary>
/// <param name="Host">The machine's name.</param>
/// <param name="ProcessId">The process id.</param>
/// <param name="ProcessStartUtc">When that process started (UTC).</param>
public sealed record RunOwner(string Host, int ProcessId, DateTimeOffset ProcessStartUtc)
{
    /// <summary>How often an owner renews <see cref="HeartbeatUtc"/> while it runs the run.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(2);

    /// <summary>When the owner last said it is alive (renewed every <see cref="HeartbeatInterval"/>); null for older runs.</summary>
    public DateTimeOffset? HeartbeatUtc { get; init; }

    /// <summary>This process.</summary>
    public static RunOwner Current()
    {
        using var self = Process.GetCurrentProcess();
        return new RunOwner(Environment.MachineName, self.Id, self.StartTime.ToUniversalTime());
    }

    /// <summary>True when this record names the calling process.</summary>
    public bool IsCurrentProcess() => Current() is var current
        && (Host, ProcessId, ProcessStartUtc) == (current.Host, current.ProcessId, current.ProcessStartUtc);

    /// <summary>
    /// False only when the owner is known dead: it ran on this machine and no process with its id and start time is
    /// alive. An owner on another machine counts as alive (this process cannot tell).
    /// </summary>
    public bool IsAlive()
    {
        if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal))
            return true;
        try
        {
            using var process = Process.GetProcessById(ProcessId);
            // Start times are read from /proc at a coarser resolution than they were written with: allow a second.
            return !process.HasExited && (process.StartTime.ToUniversalTime() - ProcessStartUtc).Duration() < TimeSpan.FromSeconds(1);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
