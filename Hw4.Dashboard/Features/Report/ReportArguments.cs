using System.CommandLine;
using Hw4.Dashboard.Arguments;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// The options of <c>report</c>: one <c>--KEY RUN_ID</c> per report part (<see cref="ReportParts.Key"/>), where the
/// runs are, the format and the file; <see cref="ReadSelection"/> and <see cref="Format"/> side by side.
/// </summary>
public sealed class ReportArguments
{
    /// <summary>The verb's name.</summary>
    public const string Verb = "report";

    /// <summary>The formats, as <c>--format</c> takes them.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["html", "pdf", "md"];

    /// <summary>Constructs the options.</summary>
    public ReportArguments()
    {
        Parts = ReportParts.All.ToDictionary(part => part, part => new Option<string?>("--" + ReportParts.Key(part))
        {
            Description = $"The run for {ReportParts.Title(part)} (default: the newest finished run of the homework's settings, else the newest finished one).",
            HelpName = "RUN_ID",
        });
        OutputFormat.AcceptOnlyFromAmong([.. Formats]);
    }

    /// <summary>One option per part.</summary>
    public IReadOnlyDictionary<ReportPart, Option<string?>> Parts { get; }

    /// <summary><c>--artifacts-dir</c>.</summary>
    public Option<string> ArtifactsDir { get; } = CommonOptions.ArtifactsDir("The runs reported are read from there.");

    /// <summary><c>--data</c>.</summary>
    public Option<string?> Data { get; } = new("--data") { Description = "Dataset for the augmented samples (default: the one found by configuration)." };

    /// <summary><c>--format</c>.</summary>
    public Option<string> OutputFormat { get; } = new("--format")
    {
        Description = "html (one self-contained file), pdf (printed from it by /usr/bin/chromium) or md (Markdown, images beside it).",
        Required = true,
        HelpName = "html|pdf|md",
    };

    /// <summary><c>--chromium</c>.</summary>
    public Option<string?> Chromium { get; } = new("--chromium") { Description = "pdf only: the Chromium to print with (default /usr/bin/chromium).", HelpName = "PATH" };

    /// <summary><c>--out</c>.</summary>
    public Option<string> Output { get; } = new("--out") { Description = "The file to write (replaced atomically).", Required = true, HelpName = "PATH" };

    /// <summary><c>--json</c>.</summary>
    public Option<bool> Json { get; } = new("--json") { Description = "Print the result as one JSON line on stdout." };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in Parts.Values)
            command.Options.Add(option);
        foreach (var option in new Option[] { ArtifactsDir, Data, OutputFormat, Chromium, Output, Json })
            command.Options.Add(option);
    }

    /// <summary>The runs asked for, by part.</summary>
    public IReadOnlyDictionary<ReportPart, string> ReadSelection(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return Parts.Where(p => parse.GetValue(p.Value) is not null).ToDictionary(p => p.Key, p => parse.GetValue(p.Value)!);
    }

    /// <summary>The command that writes the report of exactly <paramref name="selection"/> from <paramref name="artifactsDir"/> again.</summary>
    public CliCommandLine Format(IReadOnlyDictionary<ReportPart, string> selection, string artifactsDir, string? data, string format, string output)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var line = new CliCommandLine(Verb).With(ArtifactsDir, CliCommandLine.PathArgument(artifactsDir));
        foreach (var part in ReportParts.All)
        {
            if (selection.TryGetValue(part, out var id))
                line.With(Parts[part], id);
        }

        if (data is not null)
            line.With(Data, CliCommandLine.PathArgument(data));
        return line.With(OutputFormat, format).With(Output, output);
    }
}
