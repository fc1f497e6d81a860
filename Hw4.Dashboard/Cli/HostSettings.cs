using System.CommandLine;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Configuration;

namespace Hw4.Dashboard.Cli;

/// <summary>
/// The settings a host verb (<c>worker</c>, <c>reindex</c>) hands its host: each of its options that was given as its
/// <c>--Hw4:Key value</c> pair, then the <c>--Hw4:Key value</c> pairs given as they are (any setting of the <c>Hw4</c>
/// section). Anything else is bad input, named.
/// </summary>
public static class HostSettings
{
    /// <summary>The settings of <paramref name="parse"/>: <paramref name="options"/> mapped to their keys, then the rest.</summary>
    public static string[] From(ParseResult parse, params (string Key, Option<string?> Option)[] options)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var rest = parse.UnmatchedTokens.ToArray();
        if (!SettingArguments.AreWellFormed(rest, []))
        {
            var verb = parse.CommandResult.Command.Name;
            throw new CliInputException(
                $"{verb}: unexpected arguments '{string.Join(" ", rest)}'; use {string.Join(", ", options.Select(o => $"{o.Option.Name} {o.Option.HelpName}"))} and --Hw4:Setting VALUE.");
        }

        return [.. options.Where(o => parse.GetValue(o.Option) is not null).SelectMany(o => new[] { $"--{o.Key}", parse.GetValue(o.Option)! }), .. rest];
    }
}
