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
        var task = Task.Run(action);
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"still running after {seconds} s (blocked on the FIFO?)");
        return task.Result;
    }
}
