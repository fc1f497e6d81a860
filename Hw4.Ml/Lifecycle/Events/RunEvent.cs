using System.Text.Json.Serialization;

namespace Hw4.Ml.Lifecycle.Events;

/// <summary>
/// Something that happened in a run: the one event vocabulary of Hw4. The trainer and the denoiser raise them, the run
/// folder keeps them (metrics.jsonl, one per line), and the dashboard streams the same records to components and to
/// SignalR clients inside a sequence-number envelope. Events are immutable records of plain numbers and strings (never
/// tensors), so a sink may keep them, serialise them or hand them to another thread. As JSON each carries a
/// <c>type</c> field: queued, started, warning, batch, epoch, checkpoint, diverged, evaluated, denoise, denoised, ended.
/// </summary>
/// <param name="RunId">The run that raised the event.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RunQueued), "queued")]
[JsonDerivedType(typeof(RunStarted), "started")]
[JsonDerivedType(typeof(RunWarning), "warning")]
[JsonDerivedType(typeof(BatchProgress), "batch")]
[JsonDerivedType(typeof(EpochCompleted), "epoch")]
[JsonDerivedType(typeof(CheckpointSaved), "checkpoint")]
[JsonDerivedType(typeof(Diverged), "diverged")]
[JsonDerivedType(typeof(Evaluated), "evaluated")]
[JsonDerivedType(typeof(DenoiseProgress), "denoise")]
[JsonDerivedType(typeof(DenoiseFinished), "denoised")]
[JsonDerivedType(typeof(RunEnded), "ended")]
public abstract record RunEvent(string RunId)
{
    /// <summary>True for the one event that ends a run's activity (<see cref="RunEnded"/>).</summary>
    [JsonIgnore]
    public virtual bool IsTerminal => false;
}
