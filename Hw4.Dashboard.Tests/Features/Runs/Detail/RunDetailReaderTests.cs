using Hw4.Dashboard.Features.Runs.Detail;
using Hw4.Dashboard.Tests.Features.Runs;

namespace Hw4.Dashboard.Tests.Features.Runs.Detail;

public sealed class RunDetailReaderTests : IDisposable
{
    private readonly string _artifactsDir = Directory.CreateTempSubdirectory("hw4-detail-").FullName;

    public void Dispose() => Directory.Delete(_artifactsDir, recursive: true);

    [Fact]
    public void Read_FinishedRun_CheckpointsByEpochWithBestMarkedAndEvaluation()
    {
        var dir = new RunFolderBuilder(_artifactsDir).Finished("r1", "cnn", [1.5, 1.2, 1.3], [[5, 1, 0], [2, 2, 0], [0, 0, 4]]);

        var data = RunDetailReader.Read(dir.Path, File.ReadAllText(dir.RunJsonPath), bestEpoch: 2);

        Assert.Equal([1, 2, 3], data.Checkpoints.Select(c => c.Epoch));
        Assert.Equal("checkpoints/model_2.params", Assert.Single(data.Checkpoints, c => c.IsBest).RelativePath);
        Assert.NotNull(data.Evaluation);
        Assert.Equal("dog", data.Evaluation.WorstClass);
        Assert.Contains(data.Config, r => r.Key == "config.epochs" && r.Value == "3");
        Assert.Empty(data.Problems);
    }

    [Fact]
    public void Read_DivergedRun_EpochBatchAndLastFiniteLossFromMetrics()
    {
        var dir = new RunFolderBuilder(_artifactsDir).Diverged("bad");

        var divergence = Hw4.Ml.Runs.RunDirectoryReader.Read(dir.Path).Divergence;

        Assert.NotNull(divergence);
        Assert.Equal(new DivergenceInfo(2, 17, 2.5), DivergenceInfo.From(divergence));
        Assert.Equal("Diverged at epoch 2, batch 17; last finite loss 2.5.", DivergenceInfo.From(divergence).Text);
    }

    [Fact]
    public void Read_DamagedEvaluation_ReportsTheFileInsteadOfThrowing()
    {
        var dir = new RunFolderBuilder(_artifactsDir).Finished("r2", "cnn", [1.0]);
        File.WriteAllText(dir.EvaluationPath, "{ broken");

        var data = RunDetailReader.Read(dir.Path, null, null);

        Assert.Null(data.Evaluation);
        Assert.Contains("evaluation.json", Assert.Single(data.Problems));
    }
}
