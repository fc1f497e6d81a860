using System.Buffers.Binary;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Training;

/// <summary>
/// TorchSharp's binary checkpoint formats, walked in managed code within the file's bytes before LibTorch or
/// TorchSharp's loaders see them: every count, name, element type and shape is compared with the live network's, so
/// a damaged or hand-made file is refused with the reason instead of reaching a loader that allocates what a header
/// claims. <c>module.save</c>: a LEB128 entry count, then per entry a .NET string (7-bit length, UTF-8) naming the
/// parameter or buffer and a tensor (LEB128 element type, LEB128 rank, a LEB128 per dimension, then the raw data).
/// Adam's <c>save_state_dict</c>: its type name, LEB128 group and state counts, each group's options (two learning
/// rates, betas, eps, weight decay as doubles, amsgrad and maximize as booleans), then per parameter its step (int64),
/// <c>exp_avg</c> and <c>exp_avg_sq</c> tensors and a boolean for <c>max_exp_avg_sq</c>.
/// </summary>
public static class CheckpointFormat
{
    private const int MaxNameBytes = 4096;
    private const int MaxRank = 16;

    /// <summary>The exact size of <paramref name="model"/>'s <c>module.save</c> file.</summary>
    public static long ModelBytes(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entries = model.state_dict();
        var total = Leb128Bytes(entries.Count);
        foreach (var (name, tensor) in entries)
        {
            var nameBytes = Encoding.UTF8.GetByteCount(name);
            total += Leb128Bytes(nameBytes) + nameBytes + Leb128Bytes((long)tensor.dtype) + Leb128Bytes(tensor.shape.Length)
                + tensor.shape.Sum(Leb128Bytes) + tensor.NumberOfElements * tensor.ElementSize;
        }

        return total;
    }

    /// <summary>The exact size of <paramref name="optimizer"/>'s <c>save_state_dict</c> file (its moments are as large as its parameters).</summary>
    public static long AdamBytes(optim.Optimizer optimizer) => Template(optimizer).Length;

    /// <summary>Why <paramref name="file"/> is not a save of <paramref name="model"/>'s parameters and buffers, or null.</summary>
    public static string? ModelProblem(ReadOnlySpan<byte> file, nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var expected = model.state_dict().ToDictionary(p => p.Key, p => TensorSpec.Of(p.Value), StringComparer.Ordinal);
        var reader = new Reader(file);
        try
        {
            var count = reader.Leb128();
            if (count != expected.Count)
                return $"it holds {count} tensors, the network has {expected.Count}";
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var name = reader.String();
                if (!expected.TryGetValue(name, out var spec))
                    return $"it holds a tensor '{Shorten(name)}' the network does not have";
                if (!seen.Add(name))
                    return $"it holds '{Shorten(name)}' twice";
                if (reader.Tensor(spec) is { } problem)
                    return $"'{Shorten(name)}': {problem}";
            }

            return reader.Remaining == 0 ? null : $"{reader.Remaining:N0} bytes follow the last tensor";
        }
        catch (EndOfStreamException)
        {
            return "it ends early (truncated)";
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Why <paramref name="file"/> is not a save of an optimizer like <paramref name="optimizer"/> (an Adam over the same
    /// parameters, with the same options), or null. <paramref name="optimizer"/> is fresh: its own save is the template.
    /// </summary>
    public static string? AdamProblem(ReadOnlySpan<byte> file, optim.Optimizer optimizer)
    {
        if (optimizer is not TorchSharp.Modules.Adam adam)
            return $"{optimizer?.GetType().Name ?? "no optimizer"} is not the Adam optimizer checkpoints hold";
        var expected = new Reader(Template(adam));
        var parameters = adam.parameters().Select(TensorSpec.Of).ToList();
        var reader = new Reader(file);
        try
        {
            var type = reader.String();
            if (type != expected.String())
                return $"it is the state of a {Shorten(type)} optimizer, not Adam";
            var (groups, states) = (reader.Leb128(), reader.Leb128());
            var (expectedGroups, expectedStates) = (expected.Leb128(), expected.Leb128());
            if (groups != expectedGroups || states != expectedStates || states != parameters.Count)
                return $"it holds {groups} parameter groups and {states} states, the optimizer has {expectedGroups} and {expectedStates}";

            // Learning rates, betas, eps, weight decay, amsgrad and maximize: exactly the run's own.
            const int optionBytes = 6 * sizeof(double) + 2;
            for (var g = 0; g < groups; g++)
            {
                if (!reader.Bytes(optionBytes).SequenceEqual(expected.Bytes(optionBytes)))
                    return $"the options of parameter group {g + 1} (learning rate, betas, eps, weight decay) are not this run's";
            }

            foreach (var spec in parameters)
            {
                var step = reader.Int64();
                if (step < 0)
                    return $"a step count is negative ({step})";
                if (reader.Tensor(spec) is { } first)
                    return $"exp_avg: {first}";
                if (reader.Tensor(spec) is { } second)
                    return $"exp_avg_sq: {second}";
                if (reader.Boolean())
                    return "it holds AMSGrad state this run does not use";
            }

            return reader.Remaining == 0 ? null : $"{reader.Remaining:N0} bytes follow the last state";
        }
        catch (EndOfStreamException)
        {
            return "it ends early (truncated)";
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    // A fresh optimizer's own save: the layout and the options a checkpoint of it must have.
    private static byte[] Template(optim.Optimizer optimizer)
    {
        if (optimizer is not TorchSharp.Modules.OptimizerHelper helper)
            throw new ArgumentException($"Optimizer {optimizer?.GetType().Name} cannot save its state.", nameof(optimizer));
        using var template = new MemoryStream();
        using (var writer = new BinaryWriter(template, Encoding.UTF8, leaveOpen: true))
            helper.save_state_dict(writer);
        return template.ToArray();
    }

    private static long Leb128Bytes(long value)
    {
        var bytes = 1;
        while ((value >>= 7) != 0)
            bytes++;
        return bytes;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    /// <summary>The element type and shape a tensor of the file must have, and its data size.</summary>
    private sealed record TensorSpec(ScalarType Type, long[] Shape, long DataBytes)
    {
        public static TensorSpec Of(Tensor tensor) => new(tensor.dtype, tensor.shape, tensor.NumberOfElements * tensor.ElementSize);
    }

    /// <summary>A forward-only reader over the file's bytes that never reads or allocates past them.</summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public readonly int Remaining => _bytes.Length - _position;

        public ReadOnlySpan<byte> Bytes(long count)
        {
            if (count < 0 || count > Remaining)
                throw new EndOfStreamException();
            var span = _bytes.Slice(_position, (int)count);
            _position += (int)count;
            return span;
        }

        public long Leb128()
        {
            long value = 0;
            for (var shift = 0; shift < 63; shift += 7)
            {
                var b = Bytes(1)[0];
                value |= (long)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                    return value;
            }

            throw new FormatException("a count or size is longer than 63 bits");
        }

        public string String()
        {
            // BinaryWriter's 7-bit encoded length, at most five bytes.
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift > 28)
                    throw new FormatException("a name's length is malformed");
                var b = Bytes(1)[0];
                length |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                    break;
            }

            if (length is < 0 or > MaxNameBytes)
                throw new FormatException($"a name is {length:N0} bytes long");
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Bytes(length));
            }
            catch (DecoderFallbackException)
            {
                throw new FormatException("a name is not UTF-8");
            }
        }

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(sizeof(long)));

        public bool Boolean() => Bytes(1)[0] switch
        {
            0 => false,
            1 => true,
            var b => throw new FormatException($"a flag is {b}, not 0 or 1"),
        };

        // Why the tensor here does not have the element type and shape of spec (its data skipped), or null.
        public string? Tensor(TensorSpec spec)
        {
            var type = Leb128();
            if (type != (long)spec.Type)
                return $"element type {type} where the network has {spec.Type}";
            var rank = Leb128();
            if (rank > MaxRank)
                return $"{rank} dimensions";
            var shape = new long[rank];
            for (var d = 0; d < rank; d++)
                shape[d] = Leb128();
            if (!shape.AsSpan().SequenceEqual(spec.Shape))
                return $"shape [{string.Join(", ", shape)}] where the network has [{string.Join(", ", spec.Shape)}]";
            Bytes(spec.DataBytes);
            return null;
        }
    }
}
