using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Export;
using Hw4.Dashboard.Features.Report;
using Hw4.Ml.Data;
using Hw4.Ml.IO;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>
/// <c>report</c>: writes the homework write-up (<see cref="HomeworkReportHtml"/>) from the runs of <c>--artifacts-dir</c>,
/// as one self-contained HTML file or as a PDF printed from it by the system Chromium.
/// </summary>
public sealed class ReportVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "report";

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var cnn = new Option<string?>("--cnn") { Description = "The CNN run to report (default: the newest completed one).", HelpName = "RUN_ID" };
        var residual = new Option<string?>("--residual") { Description = "The residual run to report (default: the newest completed one).", HelpName = "RUN_ID" };
        var artifactsDir = CommonOptions.ArtifactsDir("The runs reported are read from there.");
        var data = new Option<string?>("--data") { Description = "Dataset for the augmented samples (default: the one found by configuration)." };
        var format = new Option<string>("--format") { Description = "html or pdf (printed by /usr/bin/chromium).", Required = true, HelpName = "html|pdf" };
        format.AcceptOnlyFromAmong("html", "pdf");
        var chromium = new Option<string?>("--chromium") { Description = "pdf only: the Chromium to print with (default /usr/bin/chromium).", HelpName = "PATH" };
        var output = new Option<string>("--out") { Description = "The file to write (replaced atomically).", Required = true, HelpName = "PATH" };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON line on stdout." };
        var command = new Command(Name, "Write the homework report (autograd, denoising, classifier, reproducibility) from this machine's runs.")
        {
            cnn, residual, artifactsDir, data, format, chromium, output, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(artifactsDir)!);
            var target = OutputTarget.Check("--out", parse.GetValue(output)!);
            var pdf = parse.GetValue(format) == "pdf";
            var dataset = parse.GetValue(data) ?? DataLocator.FromOptions(new Hw4Options()).CifarArchive;

            var watch = Stopwatch.StartNew();
            var report = await Task.Run(
                () =>
                {
                    try
                    {
                        return HomeworkReportBuilder.Build(folder, parse.GetValue(cnn), parse.GetValue(residual), dataset);
                    }
                    catch (ExportInputException e)
                    {
                        throw new CliInputException(e.Message, e);
                    }
                },
                cancellationToken);
            var html = HomeworkReportHtml.Render(report, ReportAssets.Load(), DateTimeOffset.UtcNow);
            byte[] bytes;
            try
            {
                bytes = pdf ? await ReportPdf.PrintAsync(html, parse.GetValue(chromium), cancellationToken) : Encoding.UTF8.GetBytes(html);
            }
            catch (InvalidOperationException e) when (pdf)
            {
                throw new CliInputException(e.Message, e);
            }

            AtomicFile.WriteAllBytes(target, bytes);
            var missing = string.Join(", ", report.Missing);
            context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"report: wrote {bytes.Length} bytes to {target} in {watch.Elapsed.TotalSeconds:F1}s{(missing.Length > 0 ? $"; not run yet: {missing}" : "")}"));
            context.WriteResult(new ReportOutput(target, pdf ? "pdf" : "html", bytes.LongLength, watch.Elapsed.TotalSeconds, report.Cnn?.Id, report.Residual?.Id,
                report.L1?.Summary.Id, report.L2?.Summary.Id, report.Missing.Select(m => m.ToString()).ToList()), parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }
}
