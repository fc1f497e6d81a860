using Hw4.Ml.Training;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Training;

public sealed class AdamTests
{
    private static float[] Train(Func<TorchSharp.Modules.Parameter, optim.Optimizer> create, int steps, byte[]? resumeFrom = null)
    {
        using var generator = new Generator(11);
        using var start = randn(new long[] { 5, 7 }, generator: generator);
        using var param = new TorchSharp.Modules.Parameter(start.clone(), requires_grad: true);
        using var optimizer = create(param);
        if (resumeFrom is not null)
        {
            using var reader = new BinaryReader(new MemoryStream(resumeFrom));
            ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(reader);
        }

        Steps(param, optimizer, generator, steps);
        return param.detach().data<float>().ToArray();
    }

    private static void Steps(TorchSharp.Modules.Parameter param, optim.Optimizer optimizer, Generator generator, int steps)
    {
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            // A loss whose gradient changes every step, so both moments matter.
            var loss = (param * randn(new long[] { 5, 7 }, generator: generator)).sum() + param.pow(2).sum();
            loss.backward();
            optimizer.step();
            optimizer.zero_grad();
        }
    }

    private static byte[] SavedAfter(Func<TorchSharp.Modules.Parameter, optim.Optimizer> create, int steps)
    {
        using var generator = new Generator(11);
        using var start = randn(new long[] { 5, 7 }, generator: generator);
        using var param = new TorchSharp.Modules.Parameter(start.clone(), requires_grad: true);
        using var optimizer = create(param);
        Steps(param, optimizer, generator, steps);
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
            ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(writer);
        return bytes.ToArray();
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(0.05)]
    public void Step_SameGradients_MatchesTorchSharpsAdamBitForBit(double lr)
    {
        var theirs = Train(p => optim.Adam([p], lr), 40);
        var ours = Train(p => new Hw4.Ml.Training.Adam([p], lr), 40);

        Assert.Equal(theirs, ours);
        Assert.NotEqual(Train(p => optim.Adam([p], lr), 0), ours);
    }

    [Fact]
    public void StateDict_IsTorchSharpsAdamFile_BothWays()
    {
        // Checkpoints written before this class existed hold TorchSharp's Adam; they must resume, and vice versa.
        var theirs = SavedAfter(p => optim.Adam([p], 0.05), 10);
        var ours = SavedAfter(p => new Adam([p], 0.05), 10);

        Assert.Equal(theirs, ours);
        Assert.Equal(Train(p => optim.Adam([p], 0.05), 5, resumeFrom: ours), Train(p => new Adam([p], 0.05), 5, resumeFrom: theirs));
    }

    [Fact]
    public void Step_WeightDecayAsked_RefusesInsteadOfIgnoringIt()
    {
        using var param = new TorchSharp.Modules.Parameter(ones(3), requires_grad: true);
        using var optimizer = new Hw4.Ml.Training.Adam([param], 0.1);
        ((TorchSharp.Modules.Adam.ParamGroup)optimizer.ParamGroups.First()).Options.weight_decay = 0.01;
        param.sum().backward();

        var error = Assert.Throws<NotSupportedException>(() => optimizer.step());
        Assert.Contains("weight decay", error.Message);
    }
}
