using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;

namespace Hw4.Dashboard.Tests.Cli;

/// <summary>
/// A run folder is input: <c>train --resume</c>, <c>reindex</c> and <c>denoise</c> on damaged, hand-made or hostile
/// run folders. Whatever LibTorch could abort on (a generator state it rejects) or a FIFO could hang runs in a child
/// process, so an abort or a hang fails the test instead of taking the test host down. Every case ends in a clear
/// error and exit 2, or in a resume from the newest checkpoint that is whole, and never in exit 134 or a hang.
/// </summary>
public sealed class RunFolderCliTests(TrainedRunFixture run) : IClassFixture<TrainedRunFixture>
{
    private const int ChildSeconds = 240;

    private string RunDir(string artifacts) => Path.Combine(artifacts, run.RunId);

    private string Checkpoint(string artifacts, string name) => Path.Combine(RunDir(artifacts), "checkpoints", name);

    private Task<CliProcess> ResumeInChildAsync(string artifacts, int seconds = ChildSeconds) =>
        CliProcess.RunAsync(run.Root, seconds, "train", "--resume", run.RunId, "--artifacts-dir", artifacts, "--data", run.Data,
            "--threads", "2", "--device", "cpu", "--no-cache", "--json");

    [Fact]
    public async Task TrainResume_GeneratorStateThatIsNoState_WarnsAndResumesFromTheEpochBeforeInsteadOfAborting()
    {
        var artifacts = run.CopyStopped();
        EditState(artifacts, TrainedRunFixture.Epochs, state => state["torch_rng_state"] = "AAAA");

        var resumed = await ResumeInChildAsync(artifacts);

        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.ToString());
        Assert.Contains($"warning: checkpoint of epoch 4 does not load ({run.RunId}/checkpoints/state_4.json: torch_rng_state: a generator state is 5,056 (or 5,048) bytes, not 3.); resuming from an earlier one", resumed.StderrLines);
        Assert.Contains("resuming after epoch 3", resumed.StderrLines);
        Assert.Equal([1, 2, 3, 4], Epochs(resumed));
    }

    [Fact]
    public async Task TrainResume_GeneratorStateOfTheRightSizeButNotAValidTwister_ResumesFromTheEpochBefore()
    {
        var artifacts = run.CopyStopped();
        EditState(artifacts, TrainedRunFixture.Epochs, state =>
        {
            var bytes = Convert.FromBase64String(state["torch_rng_state"]!.GetValue<string>());
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 0); // left = 0: LibTorch's TORCH_CHECK(engine.is_valid())
            state["torch_rng_state"] = Convert.ToBase64String(bytes);
        });

        var resumed = await ResumeInChildAsync(artifacts);

        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.ToString());
        Assert.Contains(resumed.StderrLines, l => l.StartsWith("warning: checkpoint of epoch 4 does not load", StringComparison.Ordinal) && l.Contains("position is out of range (left = 0"));
        Assert.Equal([1, 2, 3, 4], Epochs(resumed));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task TrainResume_FuzzedCheckpointFiles_ProcessSurvivesAndTheRunCompletes(int seed)
    {
        var artifacts = run.CopyStopped();
        var random = new Random(seed);
        // The newest checkpoint always carries a generator state of random bytes (the kind that aborted the process),
        // the ones before it a damage drawn at random; epoch 1 stays whole.
        var done = new List<string> { Corrupt(artifacts, TrainedRunFixture.Epochs, random, kind: 2) };
        for (var epoch = 2; epoch < TrainedRunFixture.Epochs; epoch++)
            done.Add(Corrupt(artifacts, epoch, random));

        var resumed = await ResumeInChildAsync(artifacts);

        Assert.False(resumed.TimedOut, resumed.ToString());
        Assert.True(resumed.ExitCode == ExitCodes.Success, $"{string.Join("; ", done)}\n{resumed}");
        Assert.DoesNotContain("c10::Error", resumed.Stderr, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4], Epochs(resumed));
    }

    [Fact]
    public async Task TrainResume_CheckpointThatIsADirectory_ExitsTwoNamingItAndTheEpochItFallsBackTo()
    {
        var artifacts = run.CopyStopped();
        var model4 = Checkpoint(artifacts, "model_4.params");
        File.Delete(model4);
        Directory.CreateDirectory(model4);

        var resumed = await CliRun.RunAsync("train", "--resume", run.RunId, "--artifacts-dir", artifacts, "--data", run.Data, "--threads", "2", "--device", "cpu", "--no-cache");

        Assert.Equal(ExitCodes.BadInput, resumed.ExitCode);
        Assert.Equal(
            $"error: --resume {run.RunId}: {run.RunId}/checkpoints/model_4.params is a directory, not a checkpoint file: the run would resume after epoch 3 and write epoch 4's checkpoint there; move it away and resume again.",
            Assert.Single(resumed.StderrLines, l => l.StartsWith("error:", StringComparison.Ordinal)));
        Assert.Contains("\"status\": \"stopped\"", File.ReadAllText(Path.Combine(RunDir(artifacts), "run.json")));
    }

    [Fact]
    public async Task TrainResume_CheckpointThatIsAFifo_ExitsTwoWithinTheDeadlineInsteadOfHanging()
    {
        var artifacts = run.CopyStopped();
        var model4 = Checkpoint(artifacts, "model_4.params");
        File.Delete(model4);
        Bombs.Fifo(model4);

        var resumed = await ResumeInChildAsync(artifacts, seconds: 120);

        Assert.False(resumed.TimedOut, resumed.ToString());
        Assert.Equal(ExitCodes.BadInput, resumed.ExitCode);
        Assert.Contains($"{run.RunId}/checkpoints/model_4.params is a named pipe (FIFO), not a checkpoint file", resumed.Stderr);
    }

    [Fact]
    public async Task TrainResume_BatchSizeOfIntMaxInRunJson_ExitsTwoNamingTheValue()
    {
        var artifacts = run.CopyStopped();
        var runJson = Path.Combine(RunDir(artifacts), "run.json");
        File.WriteAllText(runJson, File.ReadAllText(runJson).Replace("\"batch_size\": 16", "\"batch_size\": 2147483647"));

        var resumed = await CliRun.RunAsync("train", "--resume", run.RunId, "--artifacts-dir", artifacts, "--data", run.Data, "--device", "cpu", "--no-cache");

        Assert.Equal(ExitCodes.BadInput, resumed.ExitCode);
        Assert.Equal(
            $"error: --resume {run.RunId}: {run.RunId}/run.json: config: batch size must be between 1 and 4096 (got 2147483647).",
            Assert.Single(resumed.StderrLines, l => l.StartsWith("error:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TrainResume_RunJsonIsAFifo_ExitsTwoWithinTheDeadlineInsteadOfHanging()
    {
        var artifacts = run.CopyStopped();
        var runJson = Path.Combine(RunDir(artifacts), "run.json");
        File.Delete(runJson);
        Bombs.Fifo(runJson);

        var resumed = await ResumeInChildAsync(artifacts, seconds: 120);

        Assert.False(resumed.TimedOut, resumed.ToString());
        Assert.Equal(ExitCodes.BadInput, resumed.ExitCode);
        Assert.Contains($"{run.RunId}/run.json is a named pipe (FIFO), not a regular file; it was not read.", resumed.Stderr);
    }

    [Fact]
    public async Task Reindex_RunJsonIsAFifo_FinishesAndIndexesTheOtherRuns()
    {
        var artifacts = run.CopyStopped();
        var hostile = Path.Combine(artifacts, "20261201-000000-cnn-fifo");
        Directory.CreateDirectory(hostile);
        Bombs.Fifo(Path.Combine(hostile, "run.json"));

        var reindex = await CliProcess.RunAsync(run.Root, 120, "reindex", "--artifacts-dir", artifacts, "--database", Path.Combine(artifacts, "hw4.db"));

        Assert.False(reindex.TimedOut, reindex.ToString());
        Assert.Equal(0, reindex.ExitCode);
        Assert.StartsWith("Indexed 2 run(s)", reindex.Stdout.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Denoise_OutIsADirectory_ExitsTwoBeforeAnyStepOrRunFolder()
    {
        var scratch = Path.Combine(run.Root, "denoise-" + Guid.NewGuid().ToString("N"));
        var artifacts = Path.Combine(scratch, "runs");
        var image = Path.Combine(run.Data, "test", "cat", "0.png");
        Directory.CreateDirectory(Path.Combine(scratch, "out.png"));

        var denoise = await CliRun.RunAsync("denoise", "--image", image, "--steps", "50", "--artifacts-dir", artifacts, "--device", "cpu", "--out", Path.Combine(scratch, "out.png"));

        Assert.Equal(ExitCodes.BadInput, denoise.ExitCode);
        Assert.Equal($"error: --out {Path.Combine(scratch, "out.png")}: is a directory; give a file name.", Assert.Single(denoise.StderrLines));
        Assert.False(Directory.Exists(artifacts), "a run was made (and denoised) before --out was checked");
    }

    private void EditState(string artifacts, int epoch, Action<JsonObject> edit)
    {
        var path = Checkpoint(artifacts, $"state_{epoch}.json");
        var state = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(state);
        File.WriteAllText(path, state.ToJsonString());
    }

    // Damages checkpoint epoch one of several ways, chosen by random; returns what it did (for the failure message).
    private string Corrupt(string artifacts, int epoch, Random random, int? kind = null)
    {
        switch (kind ?? random.Next(6))
        {
            case 0:
            {
                var path = Checkpoint(artifacts, $"model_{epoch}.params");
                var bytes = File.ReadAllBytes(path);
                var length = random.Next(bytes.Length);
                File.WriteAllBytes(path, bytes[..length]);
                return $"model_{epoch} truncated to {length}";
            }

            case 1:
            {
                var path = Checkpoint(artifacts, $"optimizer_{epoch}.state");
                var bytes = File.ReadAllBytes(path);
                var at = random.Next(Math.Min(bytes.Length, 96));
                bytes[at] ^= (byte)(1 << random.Next(8));
                File.WriteAllBytes(path, bytes);
                return $"optimizer_{epoch} bit flipped at {at}";
            }

            case 2:
            {
                var junk = new byte[random.Next(0, 12_000)];
                random.NextBytes(junk);
                EditState(artifacts, epoch, s => s["torch_rng_state"] = Convert.ToBase64String(junk));
                return $"state_{epoch} generator state of {junk.Length} random bytes";
            }

            case 3:
            {
                var at = 8 + random.Next(16);
                var value = (byte)random.Next(256);
                EditState(artifacts, epoch, s =>
                {
                    var bytes = Convert.FromBase64String(s["torch_rng_state"]!.GetValue<string>());
                    bytes[at] = value;
                    s["torch_rng_state"] = Convert.ToBase64String(bytes);
                });
                return $"state_{epoch} generator byte {at} set to {value}";
            }

            case 4:
                EditState(artifacts, epoch, s => s["epoch"] = $"{epoch}");
                return $"state_{epoch} epoch as a string";

            default:
            {
                var path = Checkpoint(artifacts, $"model_{epoch}.params");
                var bytes = File.ReadAllBytes(path);
                for (var k = 0; k < 8; k++)
                    bytes[random.Next(Math.Min(bytes.Length, 4096))] = (byte)random.Next(256);
                File.WriteAllBytes(path, bytes);
                return $"model_{epoch} random bytes in its first 4 KB";
            }
        }
    }

    private static int[] Epochs(CliProcess resumed) =>
        [.. JsonDocument.Parse(resumed.LastStdoutLine).RootElement.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32())];
}
