namespace Hw4.Dashboard.Arguments;

/// <summary>Process exit codes shared by every verb.</summary>
public static class ExitCodes
{
    /// <summary>The verb finished.</summary>
    public const int Success = 0;

    /// <summary>Something unexpected failed (a bug or an environment problem), reported on one line.</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments, unknown verb or bad input file.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// The computation diverged (a NaN or infinite loss): a result of the run, not a bug. Used by <c>denoise</c>, which then
    /// writes no image; <c>train</c> keeps reporting divergence with 1 and <c>status: diverged</c>.
    /// </summary>
    public const int Diverged = 3;

    /// <summary>Cancelled (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
