using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Training;

/// <summary>A three-layer stand-in network so trainer tests run in milliseconds (the real models are tested elsewhere).</summary>
internal sealed class TinyClassifier : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _conv;
    private readonly Linear _hidden;
    private readonly Linear _head;

    public TinyClassifier(int classes) : base(nameof(TinyClassifier))
    {
        _conv = nn.Conv2d(3, 8, 3, stride: 4);
        _hidden = nn.Linear(8, 16);
        _head = nn.Linear(16, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var features = nn.functional.relu(_conv.forward(input)).mean([2, 3]);
        return _head.forward(nn.functional.relu(_hidden.forward(features))).MoveToOuterDisposeScope();
    }
}
