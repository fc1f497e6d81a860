namespace Hw4.Testing;

/// <summary>
/// A test needs something this machine does not have; the message names it and how to install it. Under
/// <see cref="Xunit.PrerequisiteTestFramework"/> a test ending with it is reported skipped, unless
/// <see cref="Prerequisite.StrictVariable"/> is set, when it fails.
/// </summary>
public sealed class PrerequisiteMissingException : Exception
{
    /// <summary>A missing prerequisite, described by <paramref name="reason"/>.</summary>
    public PrerequisiteMissingException(string reason)
        : base(Prerequisite.Strict
            ? $"Missing prerequisite: {reason} {Prerequisite.StrictVariable}=1 makes this a failure instead of a skip."
            : $"Missing prerequisite: {reason}")
    {
    }
}
