using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Export;
using Hw4.Dashboard.Features.Report;
using Hw4.Ml.IO;
using Hw4.Dashboard.Components.Report;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>
/// <c>report</c>: writes the homework write-up from the runs of <c>--artifacts-dir</c> (each part's run as asked by
/// <c>--KEY RUN_ID</c>, else picked by <see cref="ReportRuns"/>): one self-contained HTML file, a PDF printed from it by
/// the system Chromium, or Markdown with its images beside it.
/// </summary>
public sealed class ReportVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => ReportArguments.Verb;

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var arguments = new ReportArguments();
        var command = new Command(Name, "Write the homework report (autograd, denoising, classifier, reproducibility) from this machine's runs.");
        arguments.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(arguments.ArtifactsDir)!);
            var target = OutputTarget.Check("--out", parse.GetValue(arguments.Output)!);
            var format = parse.GetValue(arguments.OutputFormat)!;
            var dataset = parse.GetValue(arguments.Data) ?? DataLocator.FromOptions(new Hw4Options()).CifarArchive;
            var selection = arguments.ReadSelection(parse);

            var watch = Stopwatch.StartNew();
            var report = await Task.Run(
                () =>
                {
                    try
                    {
                        return HomeworkReportBuilder.Build(folder, selection, dataset);
                    }
                    catch (ExportInputException e)
                    {
                        throw new CliInputException(e.Message, e);
                    }
                },
                cancellationToken);
            long bytes;
            if (format == "md")
            {
                bytes = HomeworkReportMarkdown.Write(report, target);
            }
            else
            {
                var html = await new HomeworkReportRenderer().RenderAsync(report, ReportAssets.Load(), DateTimeOffset.UtcNow);
                byte[] content;
                try
                {
                    content = format == "pdf" ? await ReportPdf.PrintAsync(html, parse.GetValue(arguments.Chromium), cancellationToken) : Encoding.UTF8.GetBytes(html);
                }
                catch (InvalidOperationException e) when (format == "pdf")
                {
                    throw new CliInputException(e.Message, e);
                }

                AtomicFile.WriteAllBytes(target, content);
                bytes = content.LongLength;
            }

            var missing = string.Join(", ", report.Missing.Select(ReportParts.Key));
            var offRecipe = string.Join(", ", report.OffRecipe.Select(c => ReportParts.Key(c.Part)));
            context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"report: wrote {bytes} bytes to {target} in {watch.Elapsed.TotalSeconds:F1}s{(missing.Length > 0 ? $"; not run yet: {missing}" : "")}{(offRecipe.Length > 0 ? $"; not the homework's settings: {offRecipe}" : "")}"));
            context.WriteResult(new ReportOutput(target, format, bytes, watch.Elapsed.TotalSeconds,
                report.Choices.Where(c => c.RunId is not null).ToDictionary(c => ReportParts.Key(c.Part), c => c.RunId!),
                [.. report.Missing.Select(ReportParts.Key)], [.. report.OffRecipe.Select(c => ReportParts.Key(c.Part))]), parse.GetValue(arguments.Json));
            return ExitCodes.Success;
        });
        return command;
    }
}
