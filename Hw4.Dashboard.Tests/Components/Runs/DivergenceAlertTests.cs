using Bunit;
using Hw4.Dashboard.Components.Runs;
using Hw4.Dashboard.Features.Runs.Detail;

namespace Hw4.Dashboard.Tests.Components.Runs;

public sealed class DivergenceAlertTests : MudBunitTest
{
    [Fact]
    public void Render_Divergence_NamesEpochBatchAndLastFiniteLoss()
    {
        var cut = Context.Render<DivergenceAlert>(p => p.Add(a => a.Info, new DivergenceInfo(4, 311, 2.30261)));

        var text = cut.Find("[data-testid=divergence-alert]").TextContent;
        Assert.Contains("Diverged at epoch 4, batch 311; last finite loss 2.30261.", text);
    }

    [Fact]
    public void Render_NoFiniteLossBeforeIt_SaysSo()
    {
        var cut = Context.Render<DivergenceAlert>(p => p.Add(a => a.Info, new DivergenceInfo(1, 1, null)));

        Assert.Contains("Diverged at epoch 1, batch 1; no finite loss before it.", cut.Markup);
    }
}
