using System.Text.Json;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;

namespace Hw4.Dashboard.Tests.Cli;

public class TaylorVerbTests
{
    [Fact]
    public async Task Taylor_Json_LastLineHasEveryKey()
    {
        var run = await CliRun.RunAsync("taylor", "--points", "20", "--device", "cpu", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.LastStdoutLine);
        var keys = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(
            ["x", "terms", "y", "grad", "exact_grad", "grad_abs_error", "points", "max_abs_error_over_points"],
            keys);
        Assert.Equal(Math.Cos(Math.PI / 4), doc.RootElement.GetProperty("grad").GetDouble(), 1e-6);
        Assert.Equal(20, doc.RootElement.GetProperty("points").GetInt32());
        Assert.True(doc.RootElement.GetProperty("max_abs_error_over_points").GetDouble() <= 1e-5);
    }
}
