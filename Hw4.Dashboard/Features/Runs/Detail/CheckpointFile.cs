namespace Hw4.Dashboard.Features.Runs.Detail;

/// <summary>One saved checkpoint of a run.</summary>
/// <param name="Name">File name, e.g. <c>model_3.params</c>.</param>
/// <param name="RelativePath">Path inside the run folder (<c>checkpoints/model_3.params</c>).</param>
/// <param name="Epoch">Its epoch, when the name says.</param>
/// <param name="Bytes">File size.</param>
/// <param name="IsBest">True for the best epoch's checkpoint.</param>
public sealed record CheckpointFile(string Name, string RelativePath, int? Epoch, long Bytes, bool IsBest);
