using System.Buffers.Binary;
using Hw4.Ml.Training;
using TorchSharp;

namespace Hw4.Ml.Tests.Training;

/// <summary>
/// The generator-state check that stands between a state file and LibTorch. Only states the check accepts ever reach
/// <c>set_state</c> in this process (LibTorch aborts the process on one it rejects); the states it refuses are handed to
/// the real thing in a child process by Hw4.Dashboard.Tests' <c>RunFolderCliTests</c>.
/// </summary>
public sealed class TorchRngStateTests
{
    [Fact]
    public void Restore_CapturedState_ReplaysTheSameDraws()
    {
        torch.manual_seed(11);
        var state = TorchRngState.Capture();
        var first = torch.rand(5).data<float>().ToArray();

        Assert.Null(TorchRngState.Problem(state));
        TorchRngState.Restore(state);

        Assert.Equal(TorchRngState.CurrentBytes, state.Length);
        Assert.Equal(first, torch.rand(5).data<float>().ToArray());
    }

    public static TheoryData<string, int, int> BadStates => new()
    {
        // name, byte offset written (-1: length changed to the value), value
        { "empty", -1, 0 },
        { "three bytes (the AAAA of the issue)", -1, 3 },
        { "one byte short", -1, TorchRngState.CurrentBytes - 1 },
        { "one byte long", -1, TorchRngState.CurrentBytes + 1 },
        { "left 0", 8, 0 },
        { "left 625", 8, 625 },
        { "left negative", 8, -1 },
        { "not seeded", 12, 0 },
        { "next 625", 16, 625 },
        { "normal flag 2", 5040, 2 },
    };

    [Theory]
    [MemberData(nameof(BadStates))]
    public void Problem_StateLibTorchWouldReject_Named(string name, int offset, int value)
    {
        torch.manual_seed(3);
        var state = TorchRngState.Capture();
        if (offset < 0)
            Array.Resize(ref state, value);
        else
            BinaryPrimitives.WriteInt32LittleEndian(state.AsSpan(offset), value);

        Assert.False(TorchRngState.Problem(state) is null, name);
        Assert.Throws<InvalidDataException>(() => TorchRngState.Restore(state));
    }

    [Fact]
    public void Problem_FloatSampleFlagNotABoolean_Refused()
    {
        var state = TorchRngState.Capture();
        state[5052] = 7;

        Assert.Contains("float-sample flag", TorchRngState.Problem(state));
    }
}
