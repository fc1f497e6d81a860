using System.CommandLine;
using System.Globalization;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Export;
using Hw4.Ml.IO;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>
/// <c>export</c>: writes a run as JSON, CSV, a self-contained HTML report or a PyTorch state_dict, or a comparison of
/// runs as an HTML report, through <see cref="RunExporter"/> (the same code as the page's download buttons).
/// </summary>
public sealed class ExportVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "export";

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var run = new Option<string>("--run") { Description = "The run id (a folder of --artifacts-dir).", Required = true, HelpName = "RUN_ID" };
        var compare = new Option<string[]>("--compare")
        {
            Description = "Also compare with these runs (html only); repeat or separate with commas.",
            HelpName = "RUN_ID",
            AllowMultipleArgumentsPerToken = true,
        };
        var artifactsDir = CommonOptions.ArtifactsDir("The runs exported are read from there.");
        var format = new Option<string>("--format") { Description = "json, csv, html or pt (PyTorch state_dict).", Required = true, HelpName = "json|csv|html|pt" };
        format.AcceptOnlyFromAmong("json", "csv", "html", "pt");
        var table = new Option<string?>("--table")
        {
            Description = "csv only: write one table (epochs, batches, confusion, per-class) instead of a zip of all of them.",
            HelpName = "epochs|batches|confusion|per-class",
        };
        var epoch = new Option<int?>("--epoch") { Description = "pt only: the checkpoint's epoch (default: the best epoch)." };
        var output = new Option<string>("--out") { Description = "The file to write (replaced atomically).", Required = true, HelpName = "PATH" };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON line on stdout." };
        var command = new Command(Name, "Export a run (json, csv, html report, PyTorch state_dict) or a comparison of runs (html).")
        {
            run, compare, artifactsDir, format, table, epoch, output, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(artifactsDir)!);
            var kind = RunExporter.ParseFormat(parse.GetValue(format))!.Value;
            CsvTable? csvTable = null;
            if (parse.GetValue(table) is { } t)
                csvTable = RunCsvExport.Parse(t) ?? throw new CliInputException("--table: use epochs, batches, confusion or per-class.");
            var others = (parse.GetValue(compare) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var target = OutputTarget.Check("--out", parse.GetValue(output)!);

            var id = parse.GetValue(run)!;
            var file = await Task.Run(
                () =>
                {
                    try
                    {
                        return others.Count > 0
                            ? RunExporter.ExportComparison(folder, [id, .. others], kind)
                            : RunExporter.ExportRun(folder, id, new ExportRequest(kind, parse.GetValue(epoch), csvTable));
                    }
                    catch (ExportInputException e)
                    {
                        // The web answers leave out server paths; on the command line the folder searched helps.
                        throw new CliInputException(e.NotFound && e.Message.EndsWith("no such run.", StringComparison.Ordinal)
                            ? $"{e.Message[..^1]} in {folder}." : e.Message, e);
                    }
                },
                cancellationToken);
            AtomicFile.WriteAllBytes(target, file.Content);
            context.Progress(string.Create(CultureInfo.InvariantCulture, $"export: wrote {file.Content.Length} bytes to {target}"));
            context.WriteResult(new ExportOutput(target, file.FileName, file.ContentType, file.Content.LongLength), parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }
}
