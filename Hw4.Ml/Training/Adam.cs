using Hw4.Ml.Runtime;
using static TorchSharp.torch;

namespace Hw4.Ml.Training;

/// <summary>
/// TorchSharp's <c>optim.Adam</c> with its update rule restated so that every number passed to LibTorch is held until
/// the call returns. TorchSharp 0.107's own <c>step</c> passes β₁, 1 − β₁, ε and the step size as temporary scalars
/// that a garbage collection on another thread can free mid-call (see <see cref="HeldScalars"/>): under a collecting
/// thread its step fails within seconds. Options, per-parameter state and state dictionaries are the base class's, so
/// checkpoints and <c>CheckpointFormat</c> see an ordinary Adam (TorchSharp writes the class name, <c>Adam</c>, into
/// every optimizer file and refuses a file written by another name: this class keeps that name so that checkpoints
/// written before it existed still resume); the update is the same arithmetic in the same order
/// (the tests compare both bit for bit). Only PyTorch's defaults (no weight decay, AMSGrad or maximize) are restated.
/// </summary>
public sealed class Adam : TorchSharp.Modules.Adam
{
    /// <summary>Adam over <paramref name="parameters"/> with learning rate <paramref name="lr"/> and PyTorch's defaults.</summary>
    public Adam(IEnumerable<TorchSharp.Modules.Parameter> parameters, double lr) : base(parameters, lr)
    {
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">A parameter group asks for weight decay, AMSGrad or maximising (this
    /// project never does; restated for PyTorch's defaults only).</exception>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        if (options.weight_decay is not (null or 0.0) || options.amsgrad is true || options.maximize is true)
            throw new NotSupportedException("Hw4's Adam restates PyTorch's defaults only: no weight decay, AMSGrad or maximize.");
        var beta1 = options.beta1!.Value;
        var beta2 = options.beta2!.Value;
        var eps = options.eps!.Value;
        var lr = options.LearningRate!.Value;

        foreach (var param in group.Parameters)
        {
            var grad = param.grad;
            if (grad is null)
                continue;

            var state = (State)_state[param.Handle];
            state.step += 1;
            var biasCorrection1 = 1 - Math.Pow(beta1, state.step);
            var biasCorrection2 = 1 - Math.Pow(beta2, state.step);
            state.exp_avg.TimesInPlace(beta1).PlusScaledInPlace(grad, 1 - beta1);
            state.exp_avg_sq.TimesInPlace(beta2).PlusProductInPlace(grad, grad, 1 - beta2);
            var denominator = state.exp_avg_sq.sqrt().DividedBy(Math.Sqrt(biasCorrection2)).PlusValueInPlace(eps);
            param.PlusQuotientInPlace(state.exp_avg, denominator, -lr / biasCorrection1);
        }
    }, closure);
}
