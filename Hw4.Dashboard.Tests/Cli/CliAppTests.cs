using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;

namespace Hw4.Dashboard.Tests.Cli;

public class CliAppTests
{
    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, false)]
    [InlineData(new[] { "urls=http://localhost:5000" }, false)]
    [InlineData(new[] { "taylor", "--json" }, true)]
    [InlineData(new[] { "nosuchverb" }, true)]
    [InlineData(new[] { "--help" }, true)]
    public void IsVerb_Arguments_DistinguishesVerbsFromHostOptions(string[] args, bool expected) =>
        Assert.Equal(expected, CliApp.IsVerb(args));

    [Fact]
    public async Task RunAsync_UnknownVerb_ExitsTwoWithOneLine()
    {
        var run = await CliRun.RunAsync("nosuchverb");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.Contains("unknown verb 'nosuchverb'", line);
        Assert.Contains("taylor", line);
    }

    [Theory]
    [InlineData("taylor", "--terms", "notanumber")]
    [InlineData("taylor", "--device", "gpu")]
    [InlineData("taylor", "--no-such-option")]
    [InlineData("taylor", "--terms", "0")]
    public async Task RunAsync_BadArguments_ExitsTwoWithOneLineAndNoStackTrace(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error:", line);
        Assert.DoesNotContain("Exception", line);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task RunAsync_VerbHelp_ExitsZeroAndListsOptions()
    {
        var run = await CliRun.RunAsync("taylor", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("--terms", run.Stdout);
        Assert.Contains("--device", run.Stdout);
        Assert.Contains("--json", run.Stdout);
    }
}
