using Hw4.Bench;

// Benchmark entry point: one subcommand per measured path, each printing plain lines (and JSON with --json).
var commands = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["augment"] = AugmentBenchmark.Run,
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine($"usage: Hw4.Bench <{string.Join("|", commands.Keys)}> [options]");
    return 2;
}

return command(args[1..]);
