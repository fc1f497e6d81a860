using System.Text.Json;
using Hw4.Ml.IO;

namespace Hw4.Dashboard.Features.Export;

/// <summary>The JSON export: a <see cref="RunExport"/> in the run folder's JSON conventions (<see cref="MlJson"/>), and back.</summary>
public static class RunJsonExport
{
    /// <summary>The document as indented UTF-8 JSON.</summary>
    public static byte[] Serialize(RunExport run) => JsonSerializer.SerializeToUtf8Bytes(run, MlJson.Options);

    /// <summary>Reads a document written by <see cref="Serialize"/>; anything else is <see cref="InvalidDataException"/>.</summary>
    public static RunExport Deserialize(ReadOnlySpan<byte> json)
    {
        RunExport? run;
        try
        {
            run = JsonSerializer.Deserialize<RunExport>(json, MlJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a run export ({e.Message})", e);
        }

        return run is { Format: RunExport.FormatName } ? run : throw new InvalidDataException($"not a run export (format is not {RunExport.FormatName}).");
    }
}
