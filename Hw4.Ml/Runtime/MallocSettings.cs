using System.Runtime.InteropServices;

namespace Hw4.Ml.Runtime;

/// <summary>
/// Tunes glibc's malloc, which LibTorch's CPU allocator uses for every tensor. By default glibc returns large blocks to
/// the kernel as soon as they are freed (mmap above a moving threshold, heap trimming above 128 KB), so each training
/// step's activations and gradients are faulted in and zero-filled by the kernel again: on the 2-core build machine a
/// CNN epoch spent a third of its CPU time in the kernel. Keeping freed memory in the process (fixed 32 MiB mmap
/// threshold, 1 GiB trim threshold, 64 MiB top pad) made training about 2.5× and evaluation about 3× faster there
/// (docs/benchmarks.md, "Training"); peak RSS stayed the same, since the same blocks are reused.
/// The price is memory that stays with the process after a run (it grew by about 200 MB per short run in a long-lived
/// server), so <see cref="ReleaseFreeMemory"/> hands it back with <c>malloc_trim</c> when a training session ends.
/// Every run trains and evaluates on threads of its own, and glibc gives new threads new arenas (up to 8 per core) whose
/// free memory fragments apart: a server's RSS still crept by about 25 MB a run (730 → 1,294 MB over 24 runs,
/// docs/benchmarks.md "Soak"). At most <see cref="ArenaMax"/> arenas keeps it flat.
/// Each setting whose <c>MALLOC_*</c> environment variable the user set is left to them (glibc applies those at process
/// start, which for the arena limit works even better: no arena exists before it); other C libraries are left alone.
/// </summary>
public static class MallocSettings
{
    /// <summary>Blocks at least this large get their own mapping (glibc caps it at 32 MiB on 64-bit).</summary>
    public const int MmapThreshold = 32 << 20;

    /// <summary>Free memory at the top of the heap kept before trimming.</summary>
    public const int TrimThreshold = 1 << 30;

    /// <summary>Extra memory requested whenever the heap grows.</summary>
    public const int TopPad = 64 << 20;

    /// <summary>Most malloc arenas (glibc's default is 8 per core).</summary>
    public const int ArenaMax = 2;

    private const int MTrimThreshold = -1;
    private const int MTopPad = -2;
    private const int MMmapThreshold = -3;
    private const int MArenaMax = -8;

    // Each setting with the environment variable that, when the user sets it, wins over it (glibc reads those at start).
    private static readonly (int Parameter, int Value, string Variable)[] Settings =
    [
        // The mmap threshold goes first: setting it also stops glibc's dynamic adjustment.
        (MMmapThreshold, MmapThreshold, "MALLOC_MMAP_THRESHOLD_"),
        (MTrimThreshold, TrimThreshold, "MALLOC_TRIM_THRESHOLD_"),
        (MTopPad, TopPad, "MALLOC_TOP_PAD_"),
        (MArenaMax, ArenaMax, "MALLOC_ARENA_MAX"),
    ];

    // Both are write-once: the glibc entry points (null when the C library is not glibc) and whether tuning applied.
    private static readonly Lazy<(MallOpt Opt, MallocTrim Trim)?> Glibc = new(Bind, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<bool> Applied = new(Apply, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Applies the settings once per process (idempotent). Returns true when glibc accepted every one it was given.</summary>
    public static bool EnsureConfigured() => Applied.Value;

    /// <summary>
    /// Returns free heap memory to the kernel (<c>malloc_trim(0)</c>); call it when a run's tensors are gone. Returns
    /// true when glibc released something.
    /// </summary>
    public static bool ReleaseFreeMemory() => Glibc.Value is { } glibc && glibc.Trim(0) == 1;

    private static bool Apply()
    {
        if (Glibc.Value is not { } glibc)
            return false;
        // mallopt returns 1 on success; a setting the user made through the environment is left as they made it.
        return Settings.Where(x => Environment.GetEnvironmentVariable(x.Variable) is null)
            .Aggregate(true, (ok, x) => glibc.Opt(x.Parameter, x.Value) == 1 & ok);
    }

    private static (MallOpt, MallocTrim)? Bind()
    {
        if (!OperatingSystem.IsLinux()
            || !NativeLibrary.TryLoad("libc.so.6", out var libc)
            || !NativeLibrary.TryGetExport(libc, "mallopt", out var opt)
            || !NativeLibrary.TryGetExport(libc, "malloc_trim", out var trim))
            return null; // not glibc (musl, for example): nothing to tune
        return (Marshal.GetDelegateForFunctionPointer<MallOpt>(opt), Marshal.GetDelegateForFunctionPointer<MallocTrim>(trim));
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int MallOpt(int parameter, int value);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int MallocTrim(nuint pad);
}
