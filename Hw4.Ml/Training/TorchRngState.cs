using System.Buffers.Binary;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Training;

/// <summary>
/// The default torch generator's state as bytes, checked before LibTorch sees them. LibTorch's
/// <c>CPUGeneratorImpl::set_state</c> raises a C++ exception for a state of the wrong size or an invalid Mersenne
/// Twister state, and TorchSharp does not catch it across the native boundary: the whole process aborts. So every
/// state read back from a file goes through <see cref="Problem"/> first, and <see cref="Restore"/> is the only place
/// that hands one to LibTorch. The layouts are LibTorch's <c>CPUGeneratorImplStateLegacy</c> (5,048 bytes) and
/// <c>CPUGeneratorImplState</c> (5,056 bytes, what <c>get_state</c> writes): a 64-bit seed, the int fields
/// <c>left</c> and <c>seeded</c>, a 64-bit <c>next</c>, 624 64-bit words, three doubles, an int flag, then (current
/// layout only) a float and a bool.
/// </summary>
public static class TorchRngState
{
    /// <summary>Size of LibTorch's legacy generator state.</summary>
    public const int LegacyBytes = 5048;

    /// <summary>Size of the state LibTorch 2.x writes.</summary>
    public const int CurrentBytes = 5056;

    // at::MERSENNE_STATE_N, and the offsets of the fields set_state checks.
    private const int MersenneStateN = 624;
    private const int LeftOffset = 8;
    private const int SeededOffset = 12;
    private const int NextOffset = 16;
    private const int NormalIsValidOffset = 5040;
    private const int FloatSampleValidOffset = 5052;

    /// <summary>The default generator's state now.</summary>
    public static byte[] Capture()
    {
        using var state = torch.Generator.Default.get_state();
        return state.data<byte>().ToArray();
    }

    /// <summary>
    /// Why <paramref name="state"/> is not a generator state LibTorch accepts, or null when it is: the size, then the
    /// fields <c>set_state</c> checks (<c>seeded</c> set, <c>left</c> in 1..624, <c>next</c> at most 624) and the
    /// flags it reads as booleans (0 or 1).
    /// </summary>
    public static string? Problem(ReadOnlySpan<byte> state)
    {
        if (state.Length is not (LegacyBytes or CurrentBytes))
            return $"a generator state is {CurrentBytes:N0} (or {LegacyBytes:N0}) bytes, not {state.Length:N0}";
        var left = BinaryPrimitives.ReadInt32LittleEndian(state[LeftOffset..]);
        var seeded = BinaryPrimitives.ReadInt32LittleEndian(state[SeededOffset..]);
        var next = BinaryPrimitives.ReadUInt64LittleEndian(state[NextOffset..]);
        var normalValid = BinaryPrimitives.ReadInt32LittleEndian(state[NormalIsValidOffset..]);
        if (seeded != 1)
            return $"the generator state is not seeded (seeded = {seeded})";
        if (left is < 1 or > MersenneStateN)
            return $"the generator state's position is out of range (left = {left}, 1 to {MersenneStateN})";
        if (next > MersenneStateN)
            return $"the generator state's index is out of range (next = {next}, at most {MersenneStateN})";
        if (normalValid is not (0 or 1))
            return $"the generator state's normal-sample flag is {normalValid}, not 0 or 1";
        if (state.Length == CurrentBytes && state[FloatSampleValidOffset] > 1)
            return $"the generator state's float-sample flag is {state[FloatSampleValidOffset]}, not 0 or 1";
        return null;
    }

    /// <summary>Sets the default generator to <paramref name="state"/> once <see cref="Problem"/> found nothing wrong.</summary>
    /// <exception cref="InvalidDataException">The state is not one LibTorch accepts (nothing is changed).</exception>
    public static void Restore(byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (Problem(state) is { } problem)
            throw new InvalidDataException(problem + ".");
        using var tensor = torch.tensor(state, dtype: ScalarType.Byte, device: torch.CPU);
        torch.Generator.Default.set_state(tensor);
    }
}
