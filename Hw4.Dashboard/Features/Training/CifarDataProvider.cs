using Hw4.Dashboard.Configuration;
using Hw4.Ml.Data;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Training;

/// <summary>
/// Loads the CIFAR-10 data once per process (through the decoded cache) and keeps it for every later run, so the second
/// training run does not pay the load again. The decompression caps come from <c>Hw4:DatasetMaxMemberBytes</c> and
/// <c>Hw4:DatasetMaxTotalBytes</c>. Loading happens on the queue's thread, inside the first run.
/// </summary>
public sealed class CifarDataProvider(DataLocator data, IOptions<Hw4Options> options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CifarData? _loaded;

    /// <summary>The data, loading it on first use; a one-line error when the archive is missing or unreadable.</summary>
    public CifarData Get(CancellationToken cancellationToken)
    {
        _gate.Wait(cancellationToken);
        try
        {
            if (_loaded is not null)
                return _loaded;
            var archive = data.CifarArchive ?? throw new InvalidOperationException(
                $"No CIFAR-10 archive found (looked for datasets/{DataLocator.CifarZipName} under Hw4:DataDir, HW4_DATA or a shared/ folder).");
            return _loaded = DatasetLoader.Load(archive, options.Value.DatasetLoad(), ct: cancellationToken);
        }
        catch (DatasetException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
        finally
        {
            _gate.Release();
        }
    }
}
