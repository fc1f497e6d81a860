using Hw4.Ml.IO;
using Hw4.Ml.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Training;

/// <summary>
/// The end-of-epoch checkpoints of a run, in one folder: <c>model_&lt;e&gt;.params</c> (TorchSharp <c>module.save</c>
/// format), <c>optimizer_&lt;e&gt;.state</c> (Adam moments and step counts, TorchSharp <c>save_state_dict</c>) and
/// <c>state_&lt;e&gt;.json</c> (<see cref="TrainingCheckpoint"/>). Each file is written to a temp name and renamed.
/// Reading treats them as input from anyone: each is a regular file inside the run folder within its cap
/// (<see cref="ContainedFile"/>), the two binary files are walked against the live network before a loader sees them
/// (<see cref="CheckpointFormat"/>), and every value of the state is checked, the generator state included
/// (<see cref="TorchRngState"/>). A checkpoint that fails any of these is refused with the reason, never loaded.
/// Messages name the files relative to the artifacts folder (<c>&lt;run-id&gt;/checkpoints/model_3.params</c>).
/// </summary>
public sealed class CheckpointStore
{
    private const int MaxEpoch = 1_000_000;

    /// <summary>A store in <paramref name="directory"/> (created on first save), read within <paramref name="limits"/>.</summary>
    public CheckpointStore(string directory, RunFileLimits? limits = null)
    {
        Directory = Path.GetFullPath(directory);
        Limits = limits ?? RunFileLimits.Default;
    }

    /// <summary>The checkpoint folder.</summary>
    public string Directory { get; }

    /// <summary>The caps its files are read within.</summary>
    public RunFileLimits Limits { get; }

    // The run folder: what every file must be inside. Names are relative to the folder above it (the artifacts folder).
    private string RunFolder => Path.GetDirectoryName(Directory) ?? Directory;

    /// <summary>The model file of <paramref name="epoch"/>.</summary>
    public string ModelPath(int epoch) => Path.Combine(Directory, $"model_{epoch}.params");

    /// <summary>The optimizer file of <paramref name="epoch"/>.</summary>
    public string OptimizerPath(int epoch) => Path.Combine(Directory, $"optimizer_{epoch}.state");

    /// <summary>The state file of <paramref name="epoch"/>.</summary>
    public string StatePath(int epoch) => Path.Combine(Directory, $"state_{epoch}.json");

    /// <summary>How messages name <paramref name="path"/>: relative to the artifacts folder (<c>&lt;run-id&gt;/checkpoints/…</c>).</summary>
    public string NameOf(string path) =>
        Path.GetRelativePath(Path.GetDirectoryName(RunFolder) ?? RunFolder, path).Replace('\\', '/');

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

    /// <summary>
    /// The epochs that have something named <c>model_&lt;e&gt;.params</c>, newest first (a model file is written last, so
    /// it marks a whole checkpoint). Whatever the name is (a directory, a pipe) is decided when it is loaded.
    /// </summary>
    public IReadOnlyList<int> EpochsNewestFirst() =>
        !System.IO.Directory.Exists(Directory) ? []
        : System.IO.Directory.EnumerateFileSystemEntries(Directory, "model_*.params")
            .Select(f => TryEpochOf(f, out var e) ? e : 0).Where(e => e > 0).Distinct().OrderDescending().ToList();

    /// <summary>
    /// The newest checkpoint whose three files pass every check and load into a fresh model and optimizer, and a
    /// warning for each newer one that did not (a torn file from a crash or a full disk, a file someone edited, a
    /// directory or pipe in its place). Null when none loads.
    /// </summary>
    /// <param name="modelFactory">Builds a fresh network of the run's kind.</param>
    /// <param name="optimizerFactory">Builds the run's optimizer over it.</param>
    /// <param name="check">Why a state that loads still does not belong to this run (another seed), or null when it does.</param>
    public (int Epoch, IReadOnlyList<string> Warnings)? NewestLoadable(
        Func<nn.Module> modelFactory, Func<nn.Module, optim.Optimizer> optimizerFactory, Func<TrainingCheckpoint, string?>? check = null)
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
                var state = Restore(epoch, model, optimizer, restoreGenerator: false);
                if (check?.Invoke(state) is { } problem)
                    throw new InvalidDataException($"{NameOf(StatePath(epoch))}: {problem}");
                return (epoch, warnings);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException or System.Runtime.InteropServices.ExternalException)
            {
                warnings.Add($"checkpoint of epoch {epoch} does not load ({ex.Message.ReplaceLineEndings(" ").Trim()}); resuming from an earlier one");
            }
        }

        return null;
    }

    /// <summary>Reads and checks the state of <paramref name="epoch"/> (see <see cref="TrainingCheckpoint"/>).</summary>
    /// <exception cref="InvalidDataException">Missing, refused, malformed or holding a value out of range (names the file).</exception>
    public TrainingCheckpoint ReadState(int epoch)
    {
        var path = StatePath(epoch);
        var name = NameOf(path);
        var state = MlJson.Read<TrainingCheckpoint>(path, RunFolder, name, Limits.CheckpointStateBytes);
        if (state.Epoch != epoch)
            throw new InvalidDataException($"{name}: it is the state of epoch {state.Epoch}, not {epoch}.");
        if (state.Model is null || state.TorchRngState is null || state.History is null)
            throw new InvalidDataException($"{name}: model, torch_rng_state and history must all be present.");
        if (state.GlobalStep < 0 || state.BatchSize < 1 || !(state.LearningRate > 0) || !double.IsFinite(state.LearningRate))
            throw new InvalidDataException($"{name}: global_step, batch_size or learning_rate is out of range.");
        if (state.History.Count != epoch || state.History.Select((m, i) => m is not null && m.Epoch == i + 1).Contains(false))
            throw new InvalidDataException($"{name}: history must list epochs 1 to {epoch}, once each, in order.");
        if (TorchRngState.Problem(GeneratorBytes(state.TorchRngState, name)) is { } problem)
            throw new InvalidDataException($"{name}: torch_rng_state: {problem}.");
        return state;
    }

    /// <summary>
    /// Loads model and optimizer state of checkpoint <paramref name="epoch"/> into live objects, and the default torch
    /// generator's state too when <paramref name="restoreGenerator"/>; returns its state record. Nothing is loaded
    /// unless all three files pass their checks.
    /// </summary>
    /// <exception cref="InvalidDataException">A file is missing, refused or does not match the network or optimizer (names it).</exception>
    public TrainingCheckpoint Restore(int epoch, nn.Module model, optim.Optimizer optimizer, bool restoreGenerator = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (optimizer is not TorchSharp.Modules.OptimizerHelper helper)
            throw new ArgumentException($"Optimizer {optimizer.GetType().Name} cannot load state.", nameof(optimizer));
        var state = ReadState(epoch);
        var modelBytes = ReadModel(ModelPath(epoch), model);
        var optimizerPath = OptimizerPath(epoch);
        var optimizerName = NameOf(optimizerPath);
        var optimizerBytes = ReadSized(optimizerPath, RunFolder, optimizerName, CheckpointFormat.AdamBytes(optimizer), Limits.CheckpointBytes);
        if (CheckpointFormat.AdamProblem(optimizerBytes, optimizer) is { } problem)
            throw new InvalidDataException($"{optimizerName}: not this run's optimizer state: {problem}.");

        // Checked above, byte for byte: the loaders now read exactly what was checked, not the file again.
        model.load(new MemoryStream(modelBytes, writable: false));
        using (var reader = new BinaryReader(new MemoryStream(optimizerBytes, writable: false)))
            helper.load_state_dict(reader);
        if (restoreGenerator)
            TorchRngState.Restore(GeneratorBytes(state.TorchRngState, NameOf(StatePath(epoch))));
        return state;
    }

    /// <summary>Loads the model file of <paramref name="epoch"/> into <paramref name="model"/> once it is checked (see <see cref="LoadModelFile"/>).</summary>
    /// <exception cref="InvalidDataException">Missing, refused or not a save of that network (names it).</exception>
    public void LoadModel(int epoch, nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.load(new MemoryStream(ReadModel(ModelPath(epoch), model), writable: false));
    }

    /// <summary>
    /// Loads a model file a user named (<c>evaluate --checkpoint</c>) into <paramref name="model"/> once it is checked
    /// to be a save of exactly that network (names, element types, shapes, size); <paramref name="name"/> names it in
    /// messages. A regular file within <see cref="RunFileLimits.CheckpointBytes"/> is all that is asked of where it is.
    /// </summary>
    /// <exception cref="InvalidDataException">Missing, refused or not a save of that network.</exception>
    public static void LoadModelFile(string path, nn.Module model, string name)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(model);
        var real = InputFile.RealPath(path) ?? throw new InvalidDataException($"{name}: checkpoint not found.");
        var bytes = ReadSized(real, Path.GetDirectoryName(real)!, name, CheckpointFormat.ModelBytes(model), RunFileLimits.Default.CheckpointBytes);
        if (CheckpointFormat.ModelProblem(bytes, model) is { } problem)
            throw new InvalidDataException($"{name}: not a checkpoint of this network: {problem}.");
        model.load(new MemoryStream(bytes, writable: false));
    }

    /// <summary>The store of a model file path and its epoch, with a one-line error for a name that is not <c>model_&lt;e&gt;.params</c>.</summary>
    public static (CheckpointStore Store, int Epoch) Locate(string modelPath, RunFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        if (!TryEpochOf(modelPath, out var epoch))
            throw new InvalidDataException($"{Path.GetFileName(modelPath)}: not a checkpoint name (expected model_<epoch>.params).");
        return (new CheckpointStore(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, limits), epoch);
    }

    /// <summary>Loads the checkpoint whose model file is <paramref name="modelPath"/> (see the instance <see cref="Restore(int, nn.Module, optim.Optimizer, bool)"/>).</summary>
    public static TrainingCheckpoint Restore(string modelPath, nn.Module model, optim.Optimizer optimizer)
    {
        var (store, epoch) = Locate(modelPath);
        return store.Restore(epoch, model, optimizer);
    }

    /// <summary>The epoch in a <c>model_&lt;e&gt;.params</c> file name.</summary>
    public static bool TryEpochOf(string modelPath, out int epoch)
    {
        var name = Path.GetFileName(modelPath);
        epoch = 0;
        return name.StartsWith("model_", StringComparison.Ordinal) && name.EndsWith(".params", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(6, name.Length - 6 - ".params".Length), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out epoch) && epoch is >= 1 and <= MaxEpoch;
    }

    // The model file's bytes, checked against the network before any loader sees them.
    private byte[] ReadModel(string modelPath, nn.Module model)
    {
        var name = NameOf(modelPath);
        var bytes = ReadSized(modelPath, RunFolder, name, CheckpointFormat.ModelBytes(model), Limits.CheckpointBytes);
        if (CheckpointFormat.ModelProblem(bytes, model) is { } problem)
            throw new InvalidDataException($"{name}: not a checkpoint of this network: {problem}.");
        return bytes;
    }

    /// <summary>
    /// The bytes of a file that must be exactly <paramref name="expected"/> long (what the network's save takes): one of
    /// another size is refused from its length alone, before a byte is read.
    /// </summary>
    private static byte[] ReadSized(string path, string root, string name, long expected, long cap)
    {
        using var stream = ContainedFile.TryOpenRead(path, root, name, cap)
            ?? throw new InvalidDataException($"{name}: checkpoint file not found.");
        if (stream.Length != expected)
            throw new InvalidDataException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{name}: it is {stream.Length:N0} bytes, where this network's checkpoint file is {expected:N0} bytes (truncated or not this network's)."));
        var bytes = new byte[expected];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static byte[] GeneratorBytes(string base64, string name)
    {
        // A generator state is 5 KB; refuse anything far longer before decoding it.
        if (base64.Length > 4 * TorchRngState.CurrentBytes)
            throw new InvalidDataException($"{name}: torch_rng_state is {base64.Length:N0} characters, far longer than a generator state.");
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"{name}: torch_rng_state is not base64.");
        }
    }
}
