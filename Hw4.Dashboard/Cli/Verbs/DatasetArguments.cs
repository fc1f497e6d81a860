using System.CommandLine;
using System.Globalization;
using Hw4.Dashboard.Configuration;
using Hw4.Ml.Data;
using Hw4.Ml.Models;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>The dataset and model options that <c>train</c> and <c>evaluate</c> share, and loading with one-line errors.</summary>
public static class DatasetArguments
{
    /// <summary><c>--data</c>; optional when configuration finds the shared CIFAR-10 zip.</summary>
    public static Option<string?> DataOption() => new("--data")
    {
        Description = "CIFAR-10 source: image-folder zip or folder, cifar-10-binary.tar.gz, a folder of .bin batches, or .npz. Default: the shared cifar10-jpeg.zip found by configuration (Hw4:DataDir, HW4_DATA, ../shared).",
    };

    /// <summary><c>--no-cache</c>.</summary>
    public static Option<bool> NoCacheOption() => new("--no-cache")
    {
        Description = "Decode the dataset without reading or writing the decoded cache.",
    };

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
    public static CifarData Load(string? data, bool noCache, CliContext context, CancellationToken cancellationToken)
    {
        var path = data ?? DataLocator.FromOptions(new Hw4Options()).CifarArchive
            ?? throw new CliInputException("--data not given and no shared cifar10-jpeg.zip found (set Hw4:DataDir or HW4_DATA, or pass --data).");
        context.Progress($"loading {path}");
        var started = DateTime.UtcNow;
        try
        {
            var loaded = DatasetLoader.Load(path, new DatasetLoadOptions { UseCache = !noCache }, null, cancellationToken);
            context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"loaded {loaded.Train.Count} train + {loaded.Test.Count} test images in {(DateTime.UtcNow - started).TotalSeconds:F1}s{(loaded.FromCache ? " (cache)" : "")}"));
            return loaded;
        }
        catch (DatasetException e)
        {
            throw new CliInputException(e.Message, e);
        }
    }
}
