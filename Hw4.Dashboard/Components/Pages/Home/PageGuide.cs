namespace Hw4.Dashboard.Components.Pages.Home;

/// <summary>One page of the app as the home page introduces it.</summary>
/// <param name="Title">The page's name, as in the navigation.</param>
/// <param name="Href">Its address.</param>
/// <param name="Purpose">What a person goes there for.</param>
public sealed record PageGuide(string Title, string Href, string Purpose)
{
    /// <summary>The pages, in the order a newcomer would use them.</summary>
    public static IReadOnlyList<PageGuide> All { get; } =
    [
        new("Autograd", "autograd", "Check automatic differentiation on a Taylor series of sin x: its derivative should match cos x."),
        new("Denoise", "denoise", "Remove noise from an image with total variation (L1 or L2), watch it converge and compare before and after."),
        new("Train", "train", "Train a CNN or a residual network on CIFAR-10 and follow its loss and accuracy live."),
        new("Runs", "runs", "Every training and denoising run made here or with the CLI: filter, sort, open, tag, stop or delete."),
        new("Compare", "compare", "Put two or more finished runs side by side: curves, metrics, configuration and per-class accuracy."),
        new("Shares", "shares", "The read-only links you made to a run or a comparison: when each was last used, and Revoke."),
        new("Report", "report", "The homework write-up from this machine's runs, as HTML or PDF; queues the runs it still lacks."),
    ];
}
