namespace Hw4.Ml.Tests.Denoising;

/// <summary>Reports inline so that tests see every report before Run returns.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
