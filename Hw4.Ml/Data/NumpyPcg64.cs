using System.Numerics;

namespace Hw4.Ml.Data;

/// <summary>
/// NumPy's default generator, <c>np.random.default_rng(seed)</c> (PCG64 seeded through SeedSequence), reduced to what
/// the split needs: <c>permutation(n)</c>. Reproducing it bit for bit makes the validation set identical to the
/// PyTorch reference's (<c>rng = np.random.default_rng(0); perm = rng.permutation(50000)</c>), so the two runs are
/// compared on the same images.
/// </summary>
internal sealed class NumpyPcg64
{
    private static readonly UInt128 Multiplier = new(2549297995355413924UL, 4865540595714422341UL);

    private UInt128 _state;
    private readonly UInt128 _increment;
    private uint _buffered;
    private bool _hasBuffered;

    public NumpyPcg64(uint seed)
    {
        var words = SeedSequenceState(seed, 8);
        // generate_state(4, uint64) views pairs of uint32 words as little-endian uint64s.
        var s = new ulong[4];
        for (var i = 0; i < 4; i++)
            s[i] = words[2 * i] | ((ulong)words[(2 * i) + 1] << 32);
        var initState = new UInt128(s[0], s[1]);
        var initSequence = new UInt128(s[2], s[3]);
        _state = 0;
        _increment = (initSequence << 1) | 1;
        Step();
        _state += initState;
        Step();
    }

    /// <summary>A permutation of 0..n-1, identical to <c>np.random.default_rng(seed).permutation(n)</c>.</summary>
    public int[] Permutation(int n)
    {
        var result = Enumerable.Range(0, n).ToArray();
        // Generator.shuffle: for i from n-1 down to 1, swap i with random_interval(i) (masked rejection sampling).
        for (var i = n - 1; i > 0; i--)
        {
            var j = (int)RandomInterval((uint)i);
            (result[i], result[j]) = (result[j], result[i]);
        }

        return result;
    }

    private uint RandomInterval(uint max)
    {
        var mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > max)
        {
        }

        return value;
    }

    private uint NextUInt32()
    {
        // NumPy's PCG64 hands out the low half of a 64-bit draw and keeps the high half for the next call.
        if (_hasBuffered)
        {
            _hasBuffered = false;
            return _buffered;
        }

        var next = NextUInt64();
        _buffered = (uint)(next >> 32);
        _hasBuffered = true;
        return (uint)next;
    }

    private ulong NextUInt64()
    {
        Step();
        var high = (ulong)(_state >> 64);
        var low = (ulong)_state;
        return BitOperations.RotateRight(high ^ low, (int)(_state >> 122));
    }

    private void Step() => _state = (_state * Multiplier) + _increment;

    /// <summary>SeedSequence(seed).generate_state(words, uint32) for a seed below 2^32 (entropy = [seed], pool size 4).</summary>
    private static uint[] SeedSequenceState(uint seed, int words)
    {
        const uint initA = 0x43b0d7e5, multA = 0x931e8875, initB = 0x8b51f9dd, multB = 0x58f38ded;
        const uint mixMultL = 0xca01f9dd, mixMultR = 0x4973f715;
        const int poolSize = 4, xshift = 16;
        var hashConst = initA;
        uint HashMix(uint value)
        {
            value ^= hashConst;
            hashConst *= multA;
            value *= hashConst;
            return value ^ (value >> xshift);
        }

        static uint Mix(uint x, uint y)
        {
            var result = (mixMultL * x) - (mixMultR * y);
            return result ^ (result >> xshift);
        }

        var pool = new uint[poolSize];
        for (var i = 0; i < poolSize; i++)
            pool[i] = HashMix(i == 0 ? seed : 0);
        for (var src = 0; src < poolSize; src++)
        {
            for (var dst = 0; dst < poolSize; dst++)
            {
                if (src != dst)
                    pool[dst] = Mix(pool[dst], HashMix(pool[src]));
            }
        }

        var state = new uint[words];
        var hashB = initB;
        for (var i = 0; i < words; i++)
        {
            var value = pool[i % poolSize];
            value ^= hashB;
            hashB *= multB;
            value *= hashB;
            state[i] = value ^ (value >> xshift);
        }

        return state;
    }
}
