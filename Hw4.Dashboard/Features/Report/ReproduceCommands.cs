using System.Globalization;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// The reproducibility table of a <see cref="HomeworkReport"/>: for each figure, the commands that make it again, built
/// from what its run recorded by the verbs' own argument classes (<see cref="TrainArguments.Format"/> and the others),
/// so a printed command always parses and leaves no setting out.
/// </summary>
public static class ReproduceCommands
{
    /// <summary>The file the printed <c>report</c> command writes.</summary>
    public const string ReportFile = "report.html";

    /// <summary>One row per figure: 1.1, each denoising part, each training part, then the whole report.</summary>
    public static IReadOnlyList<ReproduceRow> For(HomeworkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<ReproduceRow>
        {
            new("1.1 Autograd", null, RuntimeVersions.Collect(), "cpu", report.TaylorOptions.Seed, null,
                [new TaylorArguments().Format(report.TaylorOptions)],
                string.Create(CultureInfo.InvariantCulture, $"dy/dx {report.Taylor.Grad:0.########} at x {report.Taylor.X:0.######}; max |dz/dx − cos x| {report.Taylor.MaxAbsErrorOverPoints:0.###E+0}")),
        };
        var denoise = new DenoiseArguments();
        foreach (var part in ReportParts.Denoising)
        {
            if (report.Denoise(part) is not { } run)
                continue;
            var record = run.Summary.Record!;
            var dir = RunDirectory.Open(run.Summary.Directory);
            var clean = File.Exists(dir.CleanImagePath) ? dir.CleanImagePath : null;
            rows.Add(new ReproduceRow(ReportParts.Title(part), record.Id, record.Versions, record.Device, null, null,
                [denoise.Format(record.DenoiseConfig(), dir.InputImagePath, clean)], ReportText.DenoiseOutcome(run)));
        }

        var train = new TrainArguments();
        var evaluate = new EvaluateArguments();
        foreach (var part in new[] { ReportPart.Cnn, ReportPart.Residual })
        {
            if (report.Training(ReportParts.Model(part)) is not { } run)
                continue;
            var record = run.Run.Run;
            var config = record.TrainingConfig();
            var commands = new List<CliCommandLine> { train.Format(config, record.DatasetSource) };
            if (run.Run.Evaluation is { } evaluation)
                commands.Add(evaluate.Format(record.Id, evaluation.Epoch, report.ArtifactsDir, record.DatasetSource));
            rows.Add(new ReproduceRow(ReportParts.Title(part), record.Id, record.Versions, record.Device, config.Seed, record.DatasetHash, commands,
                run.Run.Evaluation is { } e
                    ? string.Create(CultureInfo.InvariantCulture, $"test accuracy {ReportText.Percent(e.Accuracy)} (epoch {e.Epoch} checkpoint)")
                    : "the training curves (no test evaluation)"));
        }

        var selection = report.Choices.Where(c => c.RunId is not null).ToDictionary(c => c.Part, c => c.RunId!);
        rows.Add(new ReproduceRow("This report", null, RuntimeVersions.Collect(), null, null, null,
            [new ReportArguments().Format(selection, report.ArtifactsDir, report.Dataset, "html", ReportFile)],
            "this report, from the same runs"));
        return rows;
    }
}
