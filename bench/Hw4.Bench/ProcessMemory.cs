namespace Hw4.Bench;

/// <summary>The current process's resident set (VmRSS) and managed heap, sampled together.</summary>
internal readonly record struct ProcessMemory(double RssMb, double ManagedHeapMb, double GcHeapSizeMb)
{
    public static ProcessMemory Sample()
    {
        var rss = double.NaN;
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            if (line is not null)
                rss = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        }

        return new ProcessMemory(rss, GC.GetTotalMemory(forceFullCollection: false) / 1048576.0, GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0);
    }

    /// <summary>A sample after a full, compacting collection (and the finalizers it queued): what stays in use.</summary>
    public static ProcessMemory SampleAfterFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return Sample();
    }

    public static ProcessMemory Max(ProcessMemory a, ProcessMemory b) =>
        new(Math.Max(a.RssMb, b.RssMb), Math.Max(a.ManagedHeapMb, b.ManagedHeapMb), Math.Max(a.GcHeapSizeMb, b.GcHeapSizeMb));
}
