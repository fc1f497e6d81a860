using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Configuration;

/// <summary>
/// Settings that were renamed. A configuration still setting an old name (appsettings, env <c>Hw4__…</c>, command line
/// <c>--Hw4:…</c>, or a verb's old flag) fails at start naming the old and the new spelling: ignoring it would quietly
/// use the default folder instead of the one the user meant.
/// </summary>
public static class RetiredSettings
{
    /// <summary>Old configuration key → its new name.</summary>
    public static IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Hw4:RunsDir"] = "Hw4:ArtifactsDir",
    };

    /// <summary>Old command-line flag of the verbs (<c>train</c>, <c>export</c>, <c>reindex</c>, …) → its new name.</summary>
    public static IReadOnlyDictionary<string, string> Flags { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--runs-dir"] = "--artifacts-dir",
    };

    /// <summary>One message for each old key that <paramref name="configuration"/> still sets; none when it is current.</summary>
    public static IReadOnlyList<string> Find(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Keys.Where(k => configuration[k.Key] is not null).Select(k => Message(k.Key, k.Value)).ToList();
    }

    /// <summary>One message for each old flag among <paramref name="args"/> (<c>--old</c> or <c>--old=value</c>).</summary>
    public static IReadOnlyList<string> FindFlags(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Select(a => a.Split('=', 2)[0]).Distinct(StringComparer.Ordinal)
            .Where(Flags.ContainsKey)
            .Select(a => $"{a} was renamed {Flags[a]}; use {Flags[a]} DIR (the same folder of run folders).")
            .ToList();
    }

    private static string Message(string old, string current) =>
        $"the setting {old} was renamed {current}: set {current} (env {Env(current)}, --{current}) and remove {old} " +
        $"(env {Env(old)}, --{old}): the old key is no longer read, and starting anyway would use another folder than the one it names.";

    private static string Env(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}

/// <summary>Fails the <see cref="Hw4Options"/> validation at start while an old key of <see cref="RetiredSettings"/> is set.</summary>
public sealed class RetiredSettingsValidator(IConfiguration configuration) : IValidateOptions<Hw4Options>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, Hw4Options options) =>
        RetiredSettings.Find(configuration) is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
}
