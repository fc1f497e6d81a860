namespace Hw4.Dashboard.Cli;

/// <summary>Process exit codes shared by every verb.</summary>
public static class ExitCodes
{
    /// <summary>The verb finished.</summary>
    public const int Success = 0;

    /// <summary>Something unexpected failed (a bug or an environment problem), reported on one line.</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments, unknown verb or bad input file.</summary>
    public const int BadInput = 2;

    /// <summary>Cancelled (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
