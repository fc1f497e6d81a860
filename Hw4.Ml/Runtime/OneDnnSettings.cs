using System.Runtime.InteropServices;
using TorchSharp;

namespace Hw4.Ml.Runtime;

/// <summary>
/// Chooses whether LibTorch uses its oneDNN (MKLDNN) CPU kernels. They stay on by default: the models feed their
/// convolutions channels-last (<see cref="Models.ChannelsLast"/>), the layout whose oneDNN kernels were measured sound
/// on this project's build machine. The default NCHW oneDNN kernels of LibTorch 2.10 (oneDNN 3.7.1, jit:avx512_core)
/// returned NaN there within a few Adam steps of the CIFAR CNN. Set <c>HW4_ONEDNN=0</c> to fall back to ATen's own,
/// slower convolution on a host where even the channels-last kernels misbehave. TorchSharp exposes no switch, so this
/// calls <c>at::globalContext().setUserEnabledMkldnn</c> in libtorch_cpu.so directly.
/// </summary>
public static class OneDnnSettings
{
    /// <summary>The environment variable that turns oneDNN off when set to <c>0</c>.</summary>
    public const string Switch = "HW4_ONEDNN";

    // Process-wide native state; applying it twice is harmless, the lock only avoids racing loads.
    private static readonly Lazy<bool> Applied = new(ApplyEnvironment, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Applies <c>HW4_ONEDNN</c> once per process (idempotent). Returns whether oneDNN is on afterwards.</summary>
    public static bool EnsureConfigured() => Applied.Value;

    /// <summary>Whether LibTorch will use oneDNN kernels now.</summary>
    public static bool IsEnabled()
    {
        var context = Context();
        return context.Handle != IntPtr.Zero && context.Get(context.Handle) != 0;
    }

    private static bool ApplyEnvironment()
    {
        var context = Context();
        if (context.Handle == IntPtr.Zero)
            return false;
        if (Environment.GetEnvironmentVariable(Switch) == "0")
            context.Set(context.Handle, 0);
        return context.Get(context.Handle) != 0;
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
