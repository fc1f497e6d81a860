namespace Hw4.Dashboard.Arguments;

/// <summary>Bad arguments or bad input found while a verb runs; the CLI prints the message on one line and exits 2.</summary>
public sealed class CliInputException(string message, Exception? inner = null) : Exception(message, inner);
