using Hw4.Ml.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Training;

/// <summary>
/// The end-of-epoch checkpoints of a run, in one folder: <c>model_&lt;e&gt;.params</c> (TorchSharp <c>module.save</c>
/// format), <c>optimizer_&lt;e&gt;.state</c> (Adam moments and step counts, TorchSharp <c>save_state_dict</c>) and
/// <c>state_&lt;e&gt;.json</c> (<see cref="TrainingCheckpoint"/>). Each file is written to a temp name and renamed.
/// </summary>
public sealed class CheckpointStore
{
    /// <summary>A store in <paramref name="directory"/> (created on first save).</summary>
    public CheckpointStore(string directory) => Directory = Path.GetFullPath(directory);

    /// <summary>The checkpoint folder.</summary>
    public string Directory { get; }

    /// <summary>The model file of <paramref name="epoch"/>.</summary>
    public string ModelPath(int epoch) => Path.Combine(Directory, $"model_{epoch}.params");

    /// <summary>The optimizer file of <paramref name="epoch"/>.</summary>
    public string OptimizerPath(int epoch) => Path.Combine(Directory, $"optimizer_{epoch}.state");

    /// <summary>The state file of <paramref name="epoch"/>.</summary>
    public string StatePath(int epoch) => Path.Combine(Directory, $"state_{epoch}.json");

    /// <summary>Saves the three files of <paramref name="state"/>'s epoch; returns the model file.</summary>
    public string Save(nn.Module model, optim.Optimizer optimizer, TrainingCheckpoint state)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(state);
        if (optimizer is not TorchSharp.Modules.OptimizerHelper helper)
            throw new ArgumentException($"Optimizer {optimizer.GetType().Name} cannot save its state.", nameof(optimizer));

        System.IO.Directory.CreateDirectory(Directory);
        AtomicFile.Write(OptimizerPath(state.Epoch), helper.save_state_dict);
        MlJson.WriteAtomic(StatePath(state.Epoch), state);
        // The model file is written last: its presence marks a complete checkpoint.
        AtomicFile.Write(ModelPath(state.Epoch), path => model.save(path));
        return ModelPath(state.Epoch);
    }

    /// <summary>The epochs that have a model file, newest first (a model file is written last, so it marks a whole checkpoint).</summary>
    public IReadOnlyList<int> EpochsNewestFirst() =>
        !System.IO.Directory.Exists(Directory) ? []
        : System.IO.Directory.EnumerateFiles(Directory, "model_*.params")
            .Select(f => TryEpochOf(f, out var e) ? e : 0).Where(e => e > 0).OrderDescending().ToList();

    /// <summary>
    /// The newest checkpoint whose three files load into a fresh model and optimizer, and a warning for each newer one
    /// that did not (a torn file from a crash or a full disk). Null when none loads.
    /// </summary>
    public (int Epoch, IReadOnlyList<string> Warnings)? NewestLoadable(Func<nn.Module> modelFactory, Func<nn.Module, optim.Optimizer> optimizerFactory)
    {
        ArgumentNullException.ThrowIfNull(modelFactory);
        ArgumentNullException.ThrowIfNull(optimizerFactory);
        var warnings = new List<string>();
        foreach (var epoch in EpochsNewestFirst())
        {
            try
            {
                using var model = modelFactory();
                using var optimizer = optimizerFactory(model);
                Restore(ModelPath(epoch), model, optimizer);
                return (epoch, warnings);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                warnings.Add($"checkpoint of epoch {epoch} does not load ({ex.Message.ReplaceLineEndings(" ").Trim()}); resuming from an earlier one");
            }
        }

        return null;
    }

    /// <summary>Reads the state belonging to a model checkpoint file (<c>model_&lt;e&gt;.params</c>).</summary>
    public static TrainingCheckpoint ReadState(string modelPath)
    {
        var (store, epoch) = Locate(modelPath);
        return MlJson.Read<TrainingCheckpoint>(store.StatePath(epoch));
    }

    /// <summary>Loads model and optimizer state of a checkpoint into live objects; returns its state record.</summary>
    public static TrainingCheckpoint Restore(string modelPath, nn.Module model, optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (store, epoch) = Locate(modelPath);
        var state = MlJson.Read<TrainingCheckpoint>(store.StatePath(epoch));
        if (!File.Exists(store.OptimizerPath(epoch)))
            throw new InvalidDataException($"{store.OptimizerPath(epoch)}: optimizer state missing; cannot resume from {modelPath}.");
        if (optimizer is not TorchSharp.Modules.OptimizerHelper helper)
            throw new ArgumentException($"Optimizer {optimizer.GetType().Name} cannot load state.", nameof(optimizer));

        model.load(modelPath);
        helper.load_state_dict(store.OptimizerPath(epoch));
        return state;
    }

    /// <summary>The store and epoch of a model file path, with a one-line error for a name that is not <c>model_&lt;e&gt;.params</c>.</summary>
    public static (CheckpointStore Store, int Epoch) Locate(string modelPath)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        if (!File.Exists(modelPath))
            throw new InvalidDataException($"{modelPath}: checkpoint not found.");
        if (!TryEpochOf(modelPath, out var epoch))
            throw new InvalidDataException($"{modelPath}: not a checkpoint name (expected model_<epoch>.params).");
        return (new CheckpointStore(Path.GetDirectoryName(Path.GetFullPath(modelPath))!), epoch);
    }

    /// <summary>The epoch in a <c>model_&lt;e&gt;.params</c> file name.</summary>
    public static bool TryEpochOf(string modelPath, out int epoch)
    {
        var name = Path.GetFileName(modelPath);
        epoch = 0;
        return name.StartsWith("model_", StringComparison.Ordinal) && name.EndsWith(".params", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(6, name.Length - 6 - ".params".Length), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out epoch) && epoch >= 1;
    }
}
