namespace Hw4.Bench;

/// <summary>Minimal "--name value" option parsing shared by the benchmark subcommands.</summary>
internal sealed class BenchArgs(string[] args)
{
    /// <summary>Parses <paramref name="rawArgs"/> and runs an async subcommand; a bad argument prints its message and exits 2.</summary>
    public static int Run(string[] rawArgs, Func<BenchArgs, Task<int>> body)
    {
        try
        {
            return body(new BenchArgs(rawArgs)).GetAwaiter().GetResult();
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    public bool Has(string name) => args.Contains(name, StringComparer.Ordinal);

    public string? Get(string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public int GetInt(string name, int fallback)
    {
        var text = Get(name);
        if (text is null)
            return fallback;
        return int.TryParse(text, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} must be a positive integer, got '{text}'.");
    }
}
