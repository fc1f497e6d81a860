using System.Runtime.InteropServices;
using Hw4.Ml.IO;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Hw4.Ml.Models;

/// <summary>
/// Writes a Hw4 checkpoint as a PyTorch <c>state_dict</c> file (<c>torch.save</c>'s zip format, via TorchSharp.PyBridge)
/// that loads with <c>load_state_dict(torch.load(path), strict=True)</c> into the mirrors in
/// <c>scripts/pytorch/hw4_models.py</c>. The keys are the TorchSharp module's own (<c>0.0.weight</c>, <c>4.c1.bias</c>,
/// …), which follow the reference's <c>nn.Sequential</c>; neither network has buffers (no BatchNorm), and the weights
/// are stored contiguous in PyTorch's NCHW layout (channels-last is only how activations are laid out at run time).
/// </summary>
public static class PyTorchStateDict
{
    /// <summary>The state_dict keys of a freshly built network of <paramref name="kind"/>, in module order.</summary>
    public static IReadOnlyList<string> Keys(ModelKind kind)
    {
        using var model = ModelFactory.Create(kind);
        return model.state_dict().Keys.ToList();
    }

    /// <summary>
    /// Loads <paramref name="checkpoint"/> (a <c>model_&lt;e&gt;.params</c> file a user named) into a fresh
    /// <paramref name="kind"/> network on the CPU and writes its state_dict to <paramref name="output"/> atomically.
    /// </summary>
    /// <exception cref="InvalidDataException">The checkpoint is missing or does not load into that network (names it).</exception>
    public static void Export(string checkpoint, ModelKind kind, string output)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        Export(model => Training.CheckpointStore.LoadModelFile(checkpoint, model, checkpoint), checkpoint, kind, output);
    }

    /// <summary>
    /// The same for the checkpoint of <paramref name="epoch"/> in a run's <paramref name="store"/>, read as the store
    /// reads its files (inside the run folder, within its caps) and named relative to the artifacts folder.
    /// </summary>
    /// <exception cref="InvalidDataException">The checkpoint is missing or does not load into that network (names it).</exception>
    public static void Export(Training.CheckpointStore store, int epoch, ModelKind kind, string output)
    {
        ArgumentNullException.ThrowIfNull(store);
        Export(model => store.LoadModel(epoch, model), store.NameOf(store.ModelPath(epoch)), kind, output);
    }

    private static void Export(Action<nn.Module<Tensor, Tensor>> load, string name, ModelKind kind, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var scope = NewDisposeScope();
        using var model = ModelFactory.Create(kind);
        try
        {
            load(model);
        }
        catch (Exception ex) when (ex is ArgumentException or ExternalException or IOException or EndOfStreamException or FormatException)
        {
            throw new InvalidDataException($"{name}: cannot be loaded into the {ModelFactory.Name(kind)} network ({ex.Message.ReplaceLineEndings(" ")}).", ex);
        }

        AtomicFile.Write(output, path => model.save_py(path));
    }
}
