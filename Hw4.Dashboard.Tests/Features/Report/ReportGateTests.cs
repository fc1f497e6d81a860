using Hw4.Dashboard.Features.Report;

namespace Hw4.Dashboard.Tests.Features.Report;

public sealed class ReportGateTests
{
    [Fact]
    public async Task SecondReport_WaitsUntilTheFirstIsDone_ThenRuns()
    {
        using var gate = new ReportGate();
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = false;

        var first = gate.RunAsync(() => release.Task, CancellationToken.None);
        var second = gate.RunAsync(() => { secondStarted = true; return Task.FromResult(2); }, CancellationToken.None);
        await Task.Delay(200);

        Assert.False(secondStarted);
        Assert.False(second.IsCompleted);
        release.SetResult(1);
        Assert.Equal((1, 2), (await first, await second));
        Assert.True(secondStarted);
    }

    [Fact]
    public async Task WaitingRequest_Aborted_GivesUpWithoutRunning_AndTheGateStaysUsable()
    {
        using var gate = new ReportGate();
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var abort = new CancellationTokenSource();
        var ran = false;

        var first = gate.RunAsync(() => release.Task, CancellationToken.None);
        var waiting = gate.RunAsync(() => { ran = true; return Task.FromResult(0); }, abort.Token);
        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.SetResult(1);
        Assert.Equal(1, await first);
        Assert.Equal(3, await gate.RunAsync(() => Task.FromResult(3), CancellationToken.None));
        Assert.False(ran);
    }
}
