using System.CommandLine;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;
using Hw4.Dashboard.Features.Report;
using Hw4.Ml.Autograd;
using Hw4.Ml.Denoising;
using Hw4.Ml.Devices;
using Hw4.Ml.Models;
using Hw4.Ml.Runs;
using Hw4.Ml.Training;

namespace Hw4.Dashboard.Tests.Cli.Arguments;

/// <summary>
/// Every command a report prints is parsed back by the verb's own options and read into the settings it was made
/// from: a flag left out of a formatter, or a value that does not round-trip, fails here.
/// </summary>
public sealed class ArgumentsFormatTests
{
    public static TheoryData<TrainerOptions> Recipes { get; } =
    [
        new TrainerOptions(),
        new TrainerOptions { Model = ModelKind.Residual, Seed = 2 },
        new TrainerOptions { Epochs = 2, Limit = 8192, LearningRate = 2e-3, BatchSize = 8, Augment = false, ValidationSize = 6, Threads = 2, Device = DeviceOption.Cpu },
        new TrainerOptions { LearningRate = 0.1 + 0.2, Seed = 123_456_789_012 },
    ];

    [Theory]
    [MemberData(nameof(Recipes))]
    public void TrainFormat_ParsedByTheTrainVerb_GivesTheSameRecipe(TrainerOptions recipe)
    {
        var arguments = new TrainArguments();
        var line = arguments.Format(recipe with { ProgressEveryBatches = 1 }, "/data/cifar10-jpeg.zip");

        var parse = Parse(arguments.AddTo, line);

        // The progress interval is how often a run prints, not what it computes: left out on purpose.
        Assert.Equal(recipe with { ProgressEveryBatches = new TrainerOptions().ProgressEveryBatches }, arguments.Read(parse));
        Assert.Equal("/data/cifar10-jpeg.zip", parse.GetValue(arguments.Dataset.Data));
    }

    [Fact]
    public void TrainFormat_EveryOptionOfTheRecipe_IsSpelledAsTheVerbDefinesIt()
    {
        var arguments = new TrainArguments();

        var text = arguments.Format(new TrainerOptions { Limit = 10, Augment = false }, "d").ToString();

        Assert.Equal($"{CliCommandLine.Program} train --data d --model cnn --epochs 15 --batch-size 64 --lr 0.0001 --seed 0 --val-size 5000 --limit 10 --no-augment", text);
    }

    [Theory]
    [InlineData("seed", DenoiseNorm.L2)]
    [InlineData("gd", DenoiseNorm.L1)]
    [InlineData("best", DenoiseNorm.L1)]
    [InlineData(null, DenoiseNorm.L2)]
    public void DenoiseFormat_ParsedByTheDenoiseVerb_GivesTheSameSettingsAndPreset(string? preset, DenoiseNorm norm)
    {
        var arguments = new DenoiseArguments();
        var options = (preset is null ? DenoisePresets.Seed(norm) with { Lr = 0.05, Alpha = 2.5, Steps = 77 } : DenoisePresets.Get(preset, norm)) with { ReportEvery = 1 };
        var config = new DenoiseRunConfig { Options = options with { PreviewMaxSide = 768 }, Preset = preset, Source = "parrots-noisy.png" };

        var line = arguments.Format(config, "runs/x/input.png", "runs/x/clean.png");
        var parse = Parse(arguments.AddTo, line);

        Assert.Equal((options, preset), arguments.Read(parse));
        Assert.Equal("input.png", parse.GetValue(arguments.Image)!.Name);
        Assert.Equal("clean.png", parse.GetValue(arguments.Clean)!.Name);
    }

    [Fact]
    public void TaylorFormat_ParsedByTheTaylorVerb_GivesTheSameInputs()
    {
        var arguments = new TaylorArguments();
        var options = new TaylorOptions(Points: 57, Seed: 3);

        Assert.Equal(options, arguments.Read(Parse(arguments.AddTo, arguments.Format(options))));
    }

    [Fact]
    public void EvaluateFormat_NamesTheRunItsEpochAndWhereItIs()
    {
        var arguments = new EvaluateArguments();

        var parse = Parse(arguments.AddTo, arguments.Format("20261206-101010-cnn-abcd", 14, "/runs", "/data/x.zip"));

        Assert.Equal(("20261206-101010-cnn-abcd", 14, "/runs", "/data/x.zip"),
            (parse.GetValue(arguments.Run), parse.GetValue(arguments.Epoch), parse.GetValue(arguments.ArtifactsDir), parse.GetValue(arguments.Dataset.Data)));
    }

    [Fact]
    public void ReportFormat_EveryPart_ReadsBackAsTheSameSelection()
    {
        var arguments = new ReportArguments();
        var selection = ReportParts.All.ToDictionary(p => p, p => $"run-{ReportParts.Key(p)}");

        var parse = Parse(arguments.AddTo, arguments.Format(selection, "/runs", null, "pdf", "report.pdf"));

        Assert.Equal(selection, arguments.ReadSelection(parse));
        Assert.Equal("pdf", parse.GetValue(arguments.OutputFormat));
    }

    [Theory]
    [InlineData("plain/path-1.2_x", "plain/path-1.2_x")]
    [InlineData("with space", "'with space'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    [InlineData("$HOME;rm", "'$HOME;rm'")]
    public void Quote_Value_IsOneShellWord(string value, string quoted)
    {
        Assert.Equal(quoted, CliCommandLine.Quote(value));
    }

    // The arguments as the program gets them, parsed by a command with the verb's options and nothing else.
    private static ParseResult Parse(Action<Command> addOptions, CliCommandLine line)
    {
        var command = new Command(line.Verb);
        addOptions(command);
        var parse = command.Parse([.. line.Arguments]);
        Assert.Empty(parse.Errors);
        return parse;
    }
}
