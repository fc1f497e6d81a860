using System.Runtime.InteropServices;
using TorchSharp;

namespace Hw4.Ml.Runtime;

/// <summary>
/// Turns off LibTorch's oneDNN (MKLDNN) kernels for the process. On the 2-core Debian 12 VM this project is built on
/// (its CPU reports AVX-512), LibTorch 2.10's oneDNN convolutions returned NaN/Inf at random after some Adam steps of the
/// CIFAR CNN, with finite weights and inputs: 8 of 10 runs of 200 steps in a pure TorchSharp repro, 0 of 10 with oneDNN
/// off (ATen's own convolution is used instead). TorchSharp exposes no switch, so this calls
/// <c>at::globalContext().setUserEnabledMkldnn(false)</c> in libtorch_cpu.so directly. Set <c>HW4_ONEDNN=1</c> to keep
/// oneDNN on (for example on a host where it is known to be sound and faster).
/// </summary>
public static class OneDnnSettings
{
    private const string OptIn = "HW4_ONEDNN";

    // Process-wide native state; applying it twice is harmless, the lock only avoids racing loads.
    private static readonly Lazy<bool> Applied = new(Disable, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Applies the switch once per process (idempotent). Returns true when oneDNN is off.</summary>
    public static bool EnsureDisabled() => Applied.Value;

    /// <summary>Whether LibTorch will use oneDNN kernels now.</summary>
    public static bool IsEnabled()
    {
        var context = Context();
        return context.Handle != IntPtr.Zero && context.Get(context.Handle) != 0;
    }

    private static bool Disable()
    {
        if (Environment.GetEnvironmentVariable(OptIn) == "1")
            return false;
        var context = Context();
        if (context.Handle == IntPtr.Zero)
            return false;
        context.Set(context.Handle, 0);
        return context.Get(context.Handle) == 0;
    }

    private static (IntPtr Handle, SetBool Set, GetBool Get) Context()
    {
        // Loads LibTorch through TorchSharp first, so the library below is the copy TorchSharp uses.
        torch.InitializeDeviceType(DeviceType.CPU);
        var library = LoadLibTorchCpu();
        if (library == IntPtr.Zero
            || !NativeLibrary.TryGetExport(library, "_ZN2at13globalContextEv", out var globalContext)
            || !NativeLibrary.TryGetExport(library, "_ZN2at7Context20setUserEnabledMkldnnEb", out var set)
            || !NativeLibrary.TryGetExport(library, "_ZNK2at7Context17userEnabledMkldnnEv", out var get))
            return (IntPtr.Zero, null!, null!);

        var handle = Marshal.GetDelegateForFunctionPointer<GlobalContext>(globalContext)();
        return (handle, Marshal.GetDelegateForFunctionPointer<SetBool>(set), Marshal.GetDelegateForFunctionPointer<GetBool>(get));
    }

    private static IntPtr LoadLibTorchCpu()
    {
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libtorch_cpu.so"),
            Path.Combine(AppContext.BaseDirectory, "libtorch_cpu.so"),
            "libtorch_cpu.so",
        ];
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
                return handle;
        }

        return IntPtr.Zero;
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GlobalContext();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void SetBool(IntPtr context, byte value);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate byte GetBool(IntPtr context);
}
