using System.CommandLine;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;
using Hw4.Dashboard.Cli.Verbs;
using Hw4.Dashboard.Features.Access;

namespace Hw4.Dashboard.Tests.Cli;

/// <summary><c>hash-password</c> reads the password from stdin and prints a hash the server accepts.</summary>
public sealed class HashPasswordVerbTests
{
    private static (int Code, string Out, string Err) Run(string stdin)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var command = new HashPasswordVerb(new StringReader(stdin)).Build(new CliContext(stdout, stderr));
        var root = new RootCommand { command };
        var code = root.Parse(["hash-password"]).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void HashPassword_FromStdin_PrintsAHashThatVerifiesAndNotThePassword()
    {
        var (code, stdout, stderr) = Run("my admin password\n");

        Assert.Equal(ExitCodes.Success, code);
        var hash = stdout.Trim();
        Assert.True(AdminPassword.Verify(hash, "my admin password"));
        Assert.DoesNotContain("my admin password", stdout + stderr);
        Assert.Contains("Hw4:Auth:AdminPasswordHash", stderr);
    }

    [Fact]
    public void HashPassword_TooShort_Refused() =>
        Assert.Throws<CliInputException>(() => Run("short\n"));
}
