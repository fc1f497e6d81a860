namespace Hw4.Bench;

/// <summary>Minimal <c>--name value</c> option reader for the benchmark subcommands.</summary>
internal sealed class BenchArgs(string[] args)
{
    public string Get(string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public int GetInt(string name, int fallback)
    {
        var text = Get(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return int.TryParse(text, out var value) && value > 0
            ? value
            : throw new ArgumentException($"Option {name} expects a positive integer, got '{text}'.");
    }

    public bool Has(string name) => Array.IndexOf(args, name) >= 0;
}
