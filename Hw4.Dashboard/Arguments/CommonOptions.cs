using System.CommandLine;
using Hw4.Ml.Devices;
using TorchSharp;

namespace Hw4.Dashboard.Arguments;

/// <summary>The options every verb shares: <c>--json</c>, <c>--device auto|cpu|cuda</c> and <c>--threads</c>.</summary>
public sealed class CommonOptions
{
    /// <summary><c>--json</c>: the last stdout line is one JSON object.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the result as one JSON line (snake_case keys) on stdout; progress goes to stderr.",
    };

    /// <summary><c>--device</c>, parsed by <see cref="DeviceResolver.Parse"/>.</summary>
    public Option<DeviceOption> Device { get; } = new("--device")
    {
        Description = "Where tensors live: auto (CUDA when available, else CPU), cpu or cuda.",
        DefaultValueFactory = _ => DeviceOption.Auto,
        HelpName = "auto|cpu|cuda",
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "auto";
            try
            {
                return DeviceResolver.Parse(token);
            }
            catch (ArgumentException e)
            {
                result.AddError(e.Message);
                return DeviceOption.Auto;
            }
        },
    };

    /// <summary><c>--threads</c>: LibTorch intra-op threads; LibTorch's default (one per core) when absent.</summary>
    public Option<int?> Threads { get; } = new("--threads")
    {
        Description = "LibTorch CPU threads (default: one per physical core).",
    };

    /// <summary>
    /// <c>--artifacts-dir</c>, the folder of run folders (the dashboard's <c>Hw4:ArtifactsDir</c>, default <c>runs</c>);
    /// <paramref name="use"/> says what the verb does there.
    /// </summary>
    public static Option<string> ArtifactsDir(string use) => new("--artifacts-dir")
    {
        Description = $"The artifacts folder: the run folders, as the dashboard's Hw4:ArtifactsDir. {use}",
        DefaultValueFactory = _ => new Configuration.Hw4Options().ArtifactsDir,
        HelpName = "DIR",
    };

    /// <summary>Adds the shared options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(Device);
        command.Options.Add(Threads);
    }

    /// <summary>Whether <c>--json</c> was given.</summary>
    public bool IsJson(ParseResult parse) => parse.GetValue(Json);

    /// <summary>
    /// Applies <c>--threads</c>, then resolves the device once; an unusable device or thread count is bad input
    /// (exit 2), not a crash.
    /// </summary>
    public torch.Device ResolveDevice(ParseResult parse)
    {
        if (parse.GetValue(Threads) is { } threads)
        {
            if (threads < 1)
                throw new CliInputException($"--threads must be at least 1 (got {threads}).");
            torch.set_num_threads(threads);
        }

        try
        {
            return DeviceResolver.Resolve(parse.GetValue(Device));
        }
        catch (InvalidOperationException e)
        {
            throw new CliInputException(e.Message, e);
        }
    }
}
