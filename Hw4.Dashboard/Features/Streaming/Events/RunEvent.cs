using System.Text.Json.Serialization;

namespace Hw4.Dashboard.Features.Streaming.Events;

/// <summary>
/// A wire event about one run (training or denoising). Plain numbers and strings only, so it serialises unchanged to
/// SignalR clients; the <c>type</c> discriminator lets a client deserialise the concrete record.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RunQueued), "runQueued")]
[JsonDerivedType(typeof(RunStarted), "runStarted")]
[JsonDerivedType(typeof(RunFinished), "runFinished")]
[JsonDerivedType(typeof(RunFailed), "runFailed")]
[JsonDerivedType(typeof(RunDiverged), "runDiverged")]
[JsonDerivedType(typeof(BatchProgress), "batchProgress")]
[JsonDerivedType(typeof(EpochCompleted), "epochCompleted")]
[JsonDerivedType(typeof(CheckpointSaved), "checkpointSaved")]
[JsonDerivedType(typeof(EvaluationCompleted), "evaluationCompleted")]
[JsonDerivedType(typeof(DenoiseProgress), "denoiseProgress")]
public abstract record RunEvent(string RunId)
{
    /// <summary>True for an event that ends the run (finished, failed or diverged).</summary>
    [JsonIgnore]
    public virtual bool IsTerminal => false;
}
