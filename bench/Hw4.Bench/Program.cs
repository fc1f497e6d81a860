using Hw4.Bench;

// Subcommands, one class each; other benchmarks (training, transforms) add an entry here.
var commands = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["dataset-load"] = DatasetLoadBenchmark.Run,
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine($"usage: Hw4.Bench <{string.Join("|", commands.Keys)}> [options]   (each command takes --help)");
    return 2;
}

return command(args[1..]);
