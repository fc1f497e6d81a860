using System.CommandLine;
using System.Globalization;
using Hw4.Dashboard.Configuration;
using Hw4.Ml.Data;
using Hw4.Ml.Models;

namespace Hw4.Dashboard.Arguments;

/// <summary>
/// The dataset options that <c>train</c> and <c>evaluate</c> share (<c>--data</c>, <c>--no-cache</c> and the two
/// decompression caps), and loading with one-line errors.
/// </summary>
public sealed class DatasetArguments
{
    /// <summary><c>--data</c>; optional when configuration finds the shared CIFAR-10 zip.</summary>
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "CIFAR-10 source: image-folder zip or folder, cifar-10-binary.tar.gz, a folder of .bin batches, or .npz. Default: the shared cifar10-jpeg.zip found by configuration (Hw4:DataDir, HW4_DATA, ../shared).",
    };

    /// <summary><c>--no-cache</c>.</summary>
    public Option<bool> NoCache { get; } = new("--no-cache")
    {
        Description = "Decode the dataset without reading or writing the decoded cache.",
    };

    /// <summary><c>--max-member-bytes</c>: <see cref="DatasetLoadOptions.MaxMemberBytes"/>.</summary>
    public Option<long> MaxMemberBytes { get; } = new("--max-member-bytes")
    {
        Description = "Refuse any file, archive member or array larger than this once decompressed (default 192 MiB; CIFAR-10 needs 176 MiB).",
        DefaultValueFactory = _ => DatasetLoadOptions.DefaultMaxMemberBytes,
    };

    /// <summary><c>--max-total-bytes</c>: <see cref="DatasetLoadOptions.MaxTotalBytes"/>.</summary>
    public Option<long> MaxTotalBytes { get; } = new("--max-total-bytes")
    {
        Description = "Refuse a source whose decompressed members add up to more than this (default 384 MiB).",
        DefaultValueFactory = _ => DatasetLoadOptions.DefaultMaxTotalBytes,
    };

    /// <summary>Adds the dataset options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(NoCache);
        command.Options.Add(MaxMemberBytes);
        command.Options.Add(MaxTotalBytes);
    }

    /// <summary><c>--model cnn|residual</c> (required).</summary>
    public static Option<string> ModelOption()
    {
        var option = new Option<string>("--model") { Description = "cnn or residual.", Required = true };
        option.AcceptOnlyFromAmong("cnn", "residual");
        return option;
    }

    /// <summary>The model kind of a validated <c>--model</c> value.</summary>
    public static ModelKind ParseModel(string value) => ModelFactory.ParseKind(value);

    /// <summary>Loads the dataset given by <c>--data</c> or found by configuration; any problem is bad input (exit 2).</summary>
    public CifarData Load(ParseResult parse, CliContext context, CancellationToken cancellationToken)
    {
        var options = new DatasetLoadOptions
        {
            UseCache = !parse.GetValue(NoCache),
            MaxMemberBytes = parse.GetValue(MaxMemberBytes),
            MaxTotalBytes = parse.GetValue(MaxTotalBytes),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CliInputException(string.Create(CultureInfo.InvariantCulture,
                $"--{Kebab(e.ParamName)} must be between 1 and {Array.MaxLength:N0} bytes (got {e.ActualValue})."), e);
        }

        var path = parse.GetValue(Data) ?? DataLocator.FromOptions(new Hw4Options()).CifarArchive
            ?? throw new CliInputException("--data not given and no shared cifar10-jpeg.zip found (set Hw4:DataDir or HW4_DATA, or pass --data).");
        context.Progress($"loading {path}");
        var started = DateTime.UtcNow;
        try
        {
            var loaded = DatasetLoader.Load(path, options, null, cancellationToken);
            context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"loaded {loaded.Train.Count} train + {loaded.Test.Count} test images in {(DateTime.UtcNow - started).TotalSeconds:F1}s{(loaded.FromCache ? " (cache)" : "")}"));
            return loaded;
        }
        catch (DatasetException e)
        {
            throw new CliInputException(e.Message, e);
        }
    }

    private static string Kebab(string? parameter) => parameter switch
    {
        nameof(DatasetLoadOptions.MaxMemberBytes) => "max-member-bytes",
        nameof(DatasetLoadOptions.MaxTotalBytes) => "max-total-bytes",
        _ => parameter ?? "dataset option",
    };
}
