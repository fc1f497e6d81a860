using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Hw4.Dashboard.Arguments;

/// <summary>
/// A command line of one verb as a report prints it: built only by the verbs' argument classes
/// (<c>Hw4.Dashboard/Arguments</c>), which take each flag's spelling from the <see cref="Option"/> the verb itself parses with,
/// so a printed command always parses and says what it was run with. <see cref="ToString"/> gives the shell line.
/// </summary>
public sealed partial class CliCommandLine
{
    /// <summary>How the program is started from the repository root.</summary>
    public const string Program = "dotnet run --project Hw4.Dashboard -c Release --";

    private readonly List<string> _arguments;

    /// <summary>A command of <paramref name="verb"/> with no arguments yet.</summary>
    public CliCommandLine(string verb)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        Verb = verb;
        _arguments = [];
    }

    /// <summary>The verb.</summary>
    public string Verb { get; }

    /// <summary>The arguments after the verb, unquoted.</summary>
    public IReadOnlyList<string> Arguments => _arguments;

    /// <summary>The verb and its arguments, as the program receives them.</summary>
    public IReadOnlyList<string> Args => [Verb, .. _arguments];

    /// <summary>Adds <paramref name="option"/> with a value.</summary>
    public CliCommandLine With(Option option, string value)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(value);
        _arguments.Add(option.Name);
        _arguments.Add(value);
        return this;
    }

    /// <summary>Adds <paramref name="option"/> with a number, written so that it parses back to the same value.</summary>
    public CliCommandLine With(Option option, double value) => With(option, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds <paramref name="option"/> with an integer.</summary>
    public CliCommandLine With(Option option, long value) => With(option, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a flag (a <c>bool</c> option given without a value).</summary>
    public CliCommandLine Flag(Option<bool> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        _arguments.Add(option.Name);
        return this;
    }

    /// <summary>The line to type in a POSIX shell from the repository root: <see cref="Program"/>, the verb and the quoted arguments.</summary>
    public override string ToString() => $"{Program} {string.Join(' ', Args.Select(Quote))}";

    /// <summary>
    /// A path as a command names it: relative to the current folder when it lies there or in its parent folder (from the
    /// repository root: the checkout and the shared data beside it), else absolute.
    /// </summary>
    public static string PathArgument(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        var ups = relative.Split(Path.DirectorySeparatorChar).TakeWhile(s => s == "..").Count();
        return Path.IsPathRooted(relative) || ups > 1 ? full : relative;
    }

    /// <summary><paramref name="value"/> as one shell word: as is when it holds no special character, else in single quotes.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && PlainWord().IsMatch(value) ? value : $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";
    }

    [GeneratedRegex("^[A-Za-z0-9_./:=@%+,-]+$")]
    private static partial Regex PlainWord();
}
