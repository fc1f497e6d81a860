using System.CommandLine;
using Hw4.Ml.Data;
using Hw4.Ml.Devices;
using Hw4.Ml.Models;
using Hw4.Ml.Training;

namespace Hw4.Dashboard.Arguments;

/// <summary>
/// The options of <c>train</c>, and the two ways between them and a run's recipe: <see cref="Read"/> (what the verb
/// trains) and <see cref="Format"/> (the command a report prints for a recorded recipe). Both sit here beside the
/// options so a new setting is read and printed by the same hand; a test parses every printed command back to the
/// recipe it came from.
/// </summary>
public sealed class TrainArguments
{
    private static readonly TrainerOptions Defaults = new();

    /// <summary>The verb's name.</summary>
    public const string Verb = "train";

    /// <summary>The dataset options.</summary>
    public DatasetArguments Dataset { get; } = new();

    /// <summary><c>--json</c>, <c>--device</c>, <c>--threads</c>.</summary>
    public CommonOptions Common { get; } = new();

    /// <summary><c>--model cnn|residual</c> (required unless <c>--resume</c>).</summary>
    public Option<string> Model { get; } = ModelOption();

    /// <summary><c>--epochs</c>.</summary>
    public Option<int> Epochs { get; } = new("--epochs") { Description = "Epochs.", DefaultValueFactory = _ => Defaults.Epochs };

    /// <summary><c>--batch-size</c>.</summary>
    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Training batch size.", DefaultValueFactory = _ => Defaults.BatchSize };

    /// <summary><c>--lr</c>.</summary>
    public Option<double> Lr { get; } = new("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => Defaults.LearningRate };

    /// <summary><c>--seed</c>.</summary>
    public Option<long> Seed { get; } = new("--seed") { Description = "Seeds the split, initialisation, shuffles and augmentation.", DefaultValueFactory = _ => Defaults.Seed };

    /// <summary><c>--val-size</c>.</summary>
    public Option<int> ValSize { get; } = new("--val-size") { Description = "Training images held out for validation.", DefaultValueFactory = _ => DatasetSplitter.DefaultValidationSize };

    /// <summary><c>--limit</c>.</summary>
    public Option<int?> Limit { get; } = new("--limit") { Description = "Train on only the first N training images (validation and test stay whole)." };

    /// <summary><c>--no-augment</c>.</summary>
    public Option<bool> NoAugment { get; } = new("--no-augment") { Description = "Train without the flip/affine/colour-jitter augmentation." };

    /// <summary><c>--progress-every</c>.</summary>
    public Option<int> ProgressEvery { get; } = new("--progress-every") { Description = "Print progress every N batches.", DefaultValueFactory = _ => Defaults.ProgressEveryBatches };

    /// <summary><c>--artifacts-dir</c>.</summary>
    public Option<string> ArtifactsDir { get; } = CommonOptions.ArtifactsDir("The run is created (or resumed) there.");

    /// <summary><c>--resume RUN_ID</c>.</summary>
    public Option<string?> Resume { get; } = new("--resume")
    {
        Description = "Continue an interrupted, stopped or failed run (its id in --artifacts-dir) from its newest checkpoint that loads; its recipe comes from its run.json.",
        HelpName = "RUN_ID",
    };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Model, Epochs, BatchSize, Lr, Seed, ValSize, Limit, NoAugment, ArtifactsDir, ProgressEvery, Resume })
            command.Options.Add(option);
        Dataset.AddTo(command);
        Common.AddTo(command);
    }

    /// <summary>The recipe asked for; a bad value is bad input (exit 2) naming the option.</summary>
    public TrainerOptions Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var kind = parse.GetValue(Model) is { } m ? DatasetArguments.ParseModel(m)
            : throw new CliInputException("train: --model cnn|residual is required (or --resume RUN_ID).");
        if (parse.GetValue(Seed) < 0) throw new CliInputException($"--seed must be 0 or more (got {parse.GetValue(Seed)}).");
        var options = new TrainerOptions
        {
            Model = kind,
            Epochs = parse.GetValue(Epochs),
            BatchSize = parse.GetValue(BatchSize),
            LearningRate = parse.GetValue(Lr),
            Seed = parse.GetValue(Seed),
            Augment = !parse.GetValue(NoAugment),
            Limit = parse.GetValue(Limit),
            ValidationSize = parse.GetValue(ValSize),
            Threads = parse.GetValue(Common.Threads),
            Device = parse.GetValue(Common.Device),
            ProgressEveryBatches = parse.GetValue(ProgressEvery),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new CliInputException(e.Message, e);
        }

        return options;
    }

    /// <summary>
    /// The <c>train</c> command that trains <paramref name="options"/> again on <paramref name="data"/>: the recipe's
    /// settings always, the others (limit, augmentation, threads, device) when they are not the default. The progress
    /// interval is left out: it says how often a run prints, not what it computes (the dashboard's runs report every batch).
    /// </summary>
    public CliCommandLine Format(TrainerOptions options, string? data)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.EvalBatchSize != Defaults.EvalBatchSize)
            throw new ArgumentException($"the evaluation batch size {options.EvalBatchSize} has no train option.", nameof(options));
        var line = new CliCommandLine(Verb);
        if (data is not null)
            line.With(Dataset.Data, CliCommandLine.PathArgument(data));
        line.With(Model, ModelFactory.Name(options.Model))
            .With(Epochs, options.Epochs)
            .With(BatchSize, options.BatchSize)
            .With(Lr, options.LearningRate)
            .With(Seed, options.Seed)
            .With(ValSize, options.ValidationSize);
        if (options.Limit is { } limit)
            line.With(Limit, limit);
        if (!options.Augment)
            line.Flag(NoAugment);
        if (options.Threads is { } threads)
            line.With(Common.Threads, threads);
        if (options.Device != DeviceOption.Auto)
            line.With(Common.Device, options.Device.ToString().ToLowerInvariant());
        return line;
    }

    private static Option<string> ModelOption()
    {
        var option = DatasetArguments.ModelOption();
        option.Required = false;
        return option;
    }
}
