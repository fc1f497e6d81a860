using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Hw4.Testing.Xunit;

/// <summary>
/// xUnit's own framework, except that a test which ends with <see cref="PrerequisiteMissingException"/> (thrown by the
/// test, its constructor, <c>InitializeAsync</c> or a fixture) is reported skipped with that exception's message as the
/// reason, instead of failed; with <see cref="Prerequisite.StrictVariable"/> set it stays a failure. A test project
/// opts in with <c>[assembly: Xunit.TestFramework("Hw4.Testing.Xunit.PrerequisiteTestFramework", "Hw4.Testing")]</c>,
/// so every test may need a prerequisite without an attribute of its own.
/// </summary>
public sealed class PrerequisiteTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions) =>
            base.RunTestCases(testCases, Prerequisite.Strict ? executionMessageSink : new SkipMissingPrerequisites(executionMessageSink), executionOptions);
    }

    // Rewrites the result message only: runners (dotnet test, the IDEs) count each test by its result.
    private sealed class SkipMissingPrerequisites(IMessageSink inner) : IMessageSink
    {
        private static readonly string ExceptionName = typeof(PrerequisiteMissingException).FullName!;

        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is ITestFailed failed && Array.IndexOf(failed.ExceptionTypes, ExceptionName) is var index and >= 0)
                return inner.OnMessage(new TestSkipped(failed.Test, failed.Messages[index]));
            return inner.OnMessage(message);
        }
    }
}
