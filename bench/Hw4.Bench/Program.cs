using Hw4.Bench;

// Subcommands, one class each, each printing plain lines (and JSON with --json).
var commands = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["augment"] = AugmentBenchmark.Run,
    ["dataset-load"] = DatasetLoadBenchmark.Run,
    ["notifier"] = NotifierBenchmark.Run,
    ["render"] = RenderBenchmark.Run,
    ["responsive"] = ResponsiveBenchmark.Run,
    ["screenshots"] = ScreenshotsCommand.Run,
    ["soak"] = SoakBenchmark.Run,
    ["stream"] = StreamBenchmark.Run,
    ["stream-clients"] = StreamClientsCommand.Run,
    ["stream-instances"] = InstancesBenchmark.Run,
    ["train"] = TrainBenchmark.Run,
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine($"usage: Hw4.Bench <{string.Join("|", commands.Keys)}> [options]");
    return 2;
}

return command(args[1..]);
