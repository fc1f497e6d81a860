using System.CommandLine;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Features.Access;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>
/// <c>hash-password</c>: reads the admin password from standard input (one line; typed without echo on a terminal) and
/// prints its hash for <c>Hw4:Auth:AdminPasswordHash</c>. The password is never an argument, so it stays out of the
/// shell history and the process list.
/// </summary>
public sealed class HashPasswordVerb(TextReader? input = null) : ICliVerb
{
    /// <summary>The shortest password taken.</summary>
    public const int MinLength = 8;

    /// <inheritdoc />
    public string Name => "hash-password";

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var command = new Command(Name, "Read the admin password from stdin and print its hash for Hw4:Auth:AdminPasswordHash.");
        command.SetAction(_ =>
        {
            var password = ReadPassword(context);
            if (password is null || password.Length < MinLength)
                throw new CliInputException($"hash-password: the password must have at least {MinLength} characters.");
            context.Out.WriteLine(AdminPassword.Hash(password));
            context.Progress("Set it as Hw4:Auth:AdminPasswordHash (appsettings.json, or the environment variable Hw4__Auth__AdminPasswordHash).");
            return ExitCodes.Success;
        });
        return command;
    }

    private string? ReadPassword(CliContext context)
    {
        if (input is not null || Console.IsInputRedirected)
            return (input ?? Console.In).ReadLine();
        context.Err.Write("Admin password: ");
        var typed = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
                typed.Length--;
            else if (!char.IsControl(key.KeyChar))
                typed.Append(key.KeyChar);
        }

        context.Err.WriteLine();
        return typed.ToString();
    }
}
