using System.Text;
using Hw4.Ml.IO;
using Hw4.Ml.Models;
using Hw4.Ml.Tests.Data;
using Hw4.Ml.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Training;

/// <summary>
/// Checkpoint files as hostile input, fuzzed in managed code: truncated at every size, bytes flipped, another network's
/// file, another learning rate. The walk never throws and never lets a damaged header through; nothing it refuses is
/// handed to a loader. (The same files through a real <c>train --resume</c>, in a child process: RunFolderCliTests.)
/// </summary>
public sealed class CheckpointFormatTests
{
    private const double LearningRate = 1e-3;

    private static (byte[] Model, byte[] Optimizer) Saves(ModelKind kind = ModelKind.Cnn, double lr = LearningRate)
    {
        torch.manual_seed(5);
        using var model = ModelFactory.Create(kind);
        using var optimizer = optim.Adam(model.parameters(), lr);
        using var modelFile = new MemoryStream();
        model.save(modelFile);
        using var optimizerFile = new MemoryStream();
        using (var writer = new BinaryWriter(optimizerFile, Encoding.UTF8, leaveOpen: true))
            ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(writer);
        return (modelFile.ToArray(), optimizerFile.ToArray());
    }

    [Fact]
    public void ModelProblem_RealSave_AcceptedAndExactlyTheSizeExpected()
    {
        var (file, _) = Saves();
        using var model = ModelFactory.Create(ModelKind.Cnn);

        Assert.Null(CheckpointFormat.ModelProblem(file, model));
        Assert.Equal(file.Length, CheckpointFormat.ModelBytes(model));
    }

    [Fact]
    public void ModelProblem_EveryTruncation_Refused()
    {
        var (file, _) = Saves();
        using var model = ModelFactory.Create(ModelKind.Cnn);

        // Every length up to 4 KB (all the headers of the first tensors), then every 997th.
        foreach (var length in Enumerable.Range(0, 4096).Concat(Enumerable.Range(0, file.Length / 997).Select(i => 4096 + i * 997)).Where(l => l < file.Length))
            Assert.NotNull(CheckpointFormat.ModelProblem(file.AsSpan(0, length), model));
    }

    [Fact]
    public void ModelProblem_FlippedHeaderBytes_NeverThrowsAndNeverAcceptsAChangedHeader()
    {
        var (file, _) = Saves();
        using var model = ModelFactory.Create(ModelKind.Cnn);
        var headers = HeaderOffsets(file, model);
        var random = new Random(2026);

        for (var i = 0; i < 3000; i++)
        {
            var mutant = (byte[])file.Clone();
            var at = headers[random.Next(headers.Count)];
            mutant[at] ^= (byte)(1 << random.Next(8));
            Assert.NotNull(CheckpointFormat.ModelProblem(mutant, model));
        }
    }

    [Fact]
    public void ModelProblem_RandomBytesAnywhere_NeverThrows()
    {
        var (file, _) = Saves();
        using var model = ModelFactory.Create(ModelKind.Cnn);
        var random = new Random(7);

        for (var i = 0; i < 2000; i++)
        {
            var mutant = (byte[])file.Clone();
            for (var k = random.Next(1, 8); k > 0; k--)
                mutant[random.Next(Math.Min(mutant.Length, 8192))] = (byte)random.Next(256);
            _ = CheckpointFormat.ModelProblem(mutant, model);
        }
    }

    [Fact]
    public void ModelProblem_AnotherNetworksFile_RefusedNamingWhy()
    {
        var (residual, _) = Saves(ModelKind.Residual);
        using var cnn = ModelFactory.Create(ModelKind.Cnn);

        Assert.Matches("tensors, the network has|does not have|shape", CheckpointFormat.ModelProblem(residual, cnn));
    }

    [Fact]
    public void AdamProblem_RealSave_AcceptedAndAnotherLearningRateOrTruncationRefused()
    {
        var (_, file) = Saves();
        var (_, otherRate) = Saves(lr: 0.5);
        torch.manual_seed(5);
        using var model = ModelFactory.Create(ModelKind.Cnn);
        using var optimizer = optim.Adam(model.parameters(), LearningRate);

        Assert.Null(CheckpointFormat.AdamProblem(file, optimizer));
        Assert.Equal(file.Length, CheckpointFormat.AdamBytes(optimizer));
        Assert.Contains("options of parameter group 1", CheckpointFormat.AdamProblem(otherRate, optimizer));
        for (var length = 0; length < file.Length; length += 1 + length / 8)
            Assert.NotNull(CheckpointFormat.AdamProblem(file.AsSpan(0, length), optimizer));
    }

    [Fact]
    public void AdamProblem_RandomBytesInTheHeaders_NeverThrows()
    {
        var (_, file) = Saves();
        using var model = ModelFactory.Create(ModelKind.Cnn);
        using var optimizer = optim.Adam(model.parameters(), LearningRate);
        var random = new Random(13);

        for (var i = 0; i < 2000; i++)
        {
            var mutant = (byte[])file.Clone();
            mutant[random.Next(Math.Min(mutant.Length, 256))] = (byte)random.Next(256);
            _ = CheckpointFormat.AdamProblem(mutant, optimizer);
        }
    }

    [Fact]
    public void Restore_TruncatedModelFile_RefusedNamingItRelativeToTheArtifactsFolderAndNothingLoaded()
    {
        using var temp = new TempDirectory();
        var store = new CheckpointStore(temp.Combine("20261201-000000-cnn-aaaa", "checkpoints"));
        torch.manual_seed(1);
        using var trained = ModelFactory.Create(ModelKind.Cnn);
        using var optimizer = optim.Adam(trained.parameters(), LearningRate);
        store.Save(trained, optimizer, new TrainingCheckpoint(1, 0, 3, "cnn", 16, LearningRate, Convert.ToBase64String(TorchRngState.Capture()),
            [new EpochMetrics(1, 2.0, 1.9, 0.3, 1, 10)]));
        var bytes = File.ReadAllBytes(store.ModelPath(1));
        File.WriteAllBytes(store.ModelPath(1), bytes[..(bytes.Length / 2)]);
        torch.manual_seed(2);
        using var fresh = ModelFactory.Create(ModelKind.Cnn);
        using var freshOptimizer = optim.Adam(fresh.parameters(), LearningRate);
        var before = fresh.parameters().First().data<float>().ToArray();

        var e = Assert.Throws<InvalidDataException>(() => store.Restore(1, fresh, freshOptimizer));

        Assert.StartsWith("20261201-000000-cnn-aaaa/checkpoints/model_1.params: it is ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(temp.Path, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, fresh.parameters().First().data<float>().ToArray());
    }

    [Fact]
    public void ReadState_GeneratorStateOfTheWrongSize_RefusedBeforeLibTorchSeesIt()
    {
        using var temp = new TempDirectory();
        var store = new CheckpointStore(temp.Combine("r1", "checkpoints"));
        Directory.CreateDirectory(store.Directory);
        MlJson.WriteAtomic(store.StatePath(1), new TrainingCheckpoint(1, 0, 3, "cnn", 16, LearningRate, "AAAA", [new EpochMetrics(1, 2.0, 1.9, 0.3, 1, 10)]));

        var e = Assert.Throws<InvalidDataException>(() => store.ReadState(1));

        Assert.Equal("r1/checkpoints/state_1.json: torch_rng_state: a generator state is 5,056 (or 5,048) bytes, not 3.", e.Message);
    }

    // The offsets of every byte that is not tensor data: counts, names, element types and shapes.
    private static List<int> HeaderOffsets(byte[] file, nn.Module model)
    {
        var sizes = model.state_dict().ToDictionary(p => p.Key, p => p.Value.NumberOfElements * p.Value.ElementSize);
        var offsets = new List<int>();
        var position = 0;
        int Leb()
        {
            var start = position;
            while ((file[position++] & 0x80) != 0)
            {
            }

            offsets.AddRange(Enumerable.Range(start, position - start));
            return (int)LebValue(file.AsSpan(start, position - start));
        }

        var count = Leb();
        for (var i = 0; i < count; i++)
        {
            var nameLength = Leb();
            var name = Encoding.UTF8.GetString(file, position, nameLength);
            offsets.AddRange(Enumerable.Range(position, nameLength));
            position += nameLength;
            Leb(); // element type
            var rank = Leb();
            for (var d = 0; d < rank; d++)
                Leb();
            position += (int)sizes[name];
        }

        return offsets;
    }

    private static long LebValue(ReadOnlySpan<byte> bytes)
    {
        long value = 0;
        for (var i = 0; i < bytes.Length; i++)
            value |= (long)(bytes[i] & 0x7F) << (7 * i);
        return value;
    }
}
