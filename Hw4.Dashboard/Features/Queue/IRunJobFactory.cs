using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Queue;

/// <summary>
/// Makes the device job of one kind of run with a folder (<see cref="RunKinds"/>): each feature registers its own, and
/// the schedulers build jobs through <see cref="RunJobs"/> without knowing the kinds.
/// </summary>
public interface IRunJobFactory
{
    /// <summary>The run kind this factory makes jobs for.</summary>
    string Kind { get; }

    /// <summary>The job for the queued run in <paramref name="dir"/>, holding grant <paramref name="attempt"/> (the store's claim) or, when null, the run's next.</summary>
    IRunJob Create(RunDirectory dir, long? attempt);
}

/// <summary>The registered <see cref="IRunJobFactory"/>s, by run kind.</summary>
public sealed class RunJobs(IEnumerable<IRunJobFactory> factories)
{
    private readonly Dictionary<string, IRunJobFactory> _byKind = factories.ToDictionary(f => f.Kind, StringComparer.Ordinal);

    /// <summary>The job for the queued run in <paramref name="dir"/>, by the kind its run.json names.</summary>
    /// <exception cref="InvalidDataException">run.json is unreadable, or names a kind no feature runs here.</exception>
    public IRunJob Create(RunDirectory dir, long? attempt = null)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var kind = dir.ReadRun().Kind;
        return _byKind.TryGetValue(kind, out var factory)
            ? factory.Create(dir, attempt)
            : throw new InvalidDataException($"Run '{dir.Id}' is a '{kind}' run, which this host does not run.");
    }
}
