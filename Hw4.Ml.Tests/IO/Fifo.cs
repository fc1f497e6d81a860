using System.Diagnostics;

namespace Hw4.Ml.Tests.IO;

/// <summary>Creates named pipes with mkfifo(1): nothing ever writes to them, so opening one for reading would block forever.</summary>
internal static class Fifo
{
    public static string Create(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return path;
    }

    /// <summary>Runs <paramref name="action"/> on a worker and fails if it has not finished within <paramref name="seconds"/>.</summary>
    public static T WithinSeconds<T>(double seconds, Func<T> action)
    {
        // A thread of its own, not the pool's: with the other tests blocking pool threads, a pooled task once had not
        // even started after the second it was given (two FIFO tests failed in a full run and passed alone).
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = action();
            }
            catch (Exception e)
            {
                error = e;
            }
        })
        { IsBackground = true };
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(seconds)), $"still running after {seconds} s (blocked on the FIFO?)");
        if (error is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        return result;
    }
}
