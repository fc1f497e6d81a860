using System.CommandLine;

namespace Hw4.Dashboard.Arguments;

/// <summary>
/// The options of <c>evaluate</c> (a run's checkpoint by <c>--run ID [--epoch N]</c>, or any checkpoint file by
/// <c>--checkpoint P --model M</c>) and <see cref="Format"/>, the command a report prints to evaluate a run again.
/// </summary>
public sealed class EvaluateArguments
{
    /// <summary>The verb's name.</summary>
    public const string Verb = "evaluate";

    /// <summary>The dataset options.</summary>
    public DatasetArguments Dataset { get; } = new();

    /// <summary><c>--json</c>, <c>--device</c>, <c>--threads</c>.</summary>
    public CommonOptions Common { get; } = new();

    /// <summary><c>--run</c>.</summary>
    public Option<string?> Run { get; } = new("--run")
    {
        Description = "A run of --artifacts-dir: evaluates its checkpoint of --epoch (default: the epoch its evaluation.json was made from, else its best epoch).",
        HelpName = "RUN_ID",
    };

    /// <summary><c>--epoch</c>.</summary>
    public Option<int?> Epoch { get; } = new("--epoch") { Description = "With --run: the checkpoint's epoch." };

    /// <summary><c>--artifacts-dir</c>.</summary>
    public Option<string> ArtifactsDir { get; } = CommonOptions.ArtifactsDir("With --run, the run is read from there.");

    /// <summary><c>--checkpoint</c>.</summary>
    public Option<FileInfo?> Checkpoint { get; } = new("--checkpoint") { Description = "Instead of --run: a model_<epoch>.params file written by train (needs --model)." };

    /// <summary><c>--model</c> (with <c>--checkpoint</c>; a run knows its own).</summary>
    public Option<string> Model { get; } = OptionalModel();

    /// <summary><c>--examples-dir</c>.</summary>
    public Option<string?> ExamplesDir { get; } = new("--examples-dir") { Description = "Also save up to 10 PNGs of the worst confusion here." };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Run, Epoch, ArtifactsDir, Checkpoint, Model, ExamplesDir })
            command.Options.Add(option);
        Dataset.AddTo(command);
        Common.AddTo(command);
    }

    /// <summary>The command that evaluates <paramref name="runId"/>'s checkpoint of <paramref name="epoch"/> in <paramref name="artifactsDir"/> on <paramref name="data"/>.</summary>
    public CliCommandLine Format(string runId, int? epoch, string artifactsDir, string? data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var line = new CliCommandLine(Verb).With(Run, runId);
        if (epoch is { } e)
            line.With(Epoch, e);
        line.With(ArtifactsDir, CliCommandLine.PathArgument(artifactsDir));
        if (data is not null)
            line.With(Dataset.Data, CliCommandLine.PathArgument(data));
        return line;
    }

    private static Option<string> OptionalModel()
    {
        var option = DatasetArguments.ModelOption();
        option.Required = false;
        option.Description = "With --checkpoint: cnn or residual.";
        return option;
    }
}
