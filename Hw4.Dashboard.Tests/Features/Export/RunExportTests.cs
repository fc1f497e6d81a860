using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hw4.Dashboard.Features.Export;
using Hw4.Dashboard.Tests.Features.Runs;
using Hw4.Ml.Denoising;
using Hw4.Ml.IO;
using Hw4.Ml.Imaging;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Tests.Features.Export;

/// <summary>The export formats of <see cref="RunExporter"/> on run folders written in the trainer's format.</summary>
public sealed partial class RunExportTests : IDisposable
{
    private readonly string _runs = Path.Combine(Path.GetTempPath(), "hw4-export-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_runs)) Directory.Delete(_runs, recursive: true);
    }

    // Three epochs (best: 2), six reported batches and a 3-class evaluation of 12 images (accuracy 9/12).
    private string FinishedRun(string id, string model = "cnn")
    {
        var dir = new RunFolderBuilder(_runs).Finished(id, model, [1.2, 0.8, 0.9], [[3, 1, 0], [1, 3, 0], [0, 1, 3]]);
        for (var b = 1; b <= 6; b++)
            dir.AppendMetric(new BatchProgress(id, (b + 1) / 2, (b - 1) % 2 + 1, 2, b, 2.0 / b, 2.1 / b, 500, null));
        return id;
    }

    [Fact]
    public void Json_FinishedRun_DeserializesBackToTheSameDocument()
    {
        var id = FinishedRun("json-run");

        var file = RunExporter.ExportRun(_runs, id, new ExportRequest(ExportFormat.Json));
        var back = RunJsonExport.Deserialize(file.Content);

        Assert.Equal(RunExport.FormatName, back.Format);
        Assert.Equal(id, back.Id);
        Assert.Equal(RunExportReader.Read(_runs, id).Epochs, back.Epochs);
        Assert.Equal(RunExportReader.Read(_runs, id).Batches, back.Batches);
        Assert.Equal(3, back.Run.TrainingConfig().Epochs);
        Assert.Equal(0.001, back.Run.TrainingConfig().LearningRate);
        Assert.Equal(2, back.BestEpoch);
        Assert.Equal(9.0 / 12, back.Evaluation!.Accuracy, 12);
        Assert.Equal([3L, 1, 0], back.Evaluation.ConfusionMatrix[0]);
        // Nothing lost or changed on the way: writing what was read gives the same bytes.
        Assert.Equal(Encoding.UTF8.GetString(file.Content), Encoding.UTF8.GetString(RunJsonExport.Serialize(back)));
    }

    [Fact]
    public void Csv_EpochsTable_HasAHeaderAndOneRowPerEpoch()
    {
        var id = FinishedRun("csv-run");

        var file = RunExporter.ExportRun(_runs, id, new ExportRequest(ExportFormat.Csv, Table: CsvTable.Epochs));
        var lines = Encoding.UTF8.GetString(file.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", file.ContentType);
        Assert.Equal("epoch,train_loss,val_loss,val_accuracy,seconds,images_per_second,best", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal(["1", "2", "3"], lines[1..].Select(l => l.Split(',')[0]));
        Assert.Equal("0.8", lines[2].Split(',')[2]);
        Assert.Equal(["false", "true", "false"], lines[1..].Select(l => l.Split(',')[^1]));
    }

    [Fact]
    public void Csv_Zip_HoldsEveryTableWithTheRunsRows()
    {
        var id = FinishedRun("zip-run");

        var file = RunExporter.ExportRun(_runs, id, new ExportRequest(ExportFormat.Csv));
        using var zip = new ZipArchive(new MemoryStream(file.Content));
        string Read(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        Assert.Equal(["batches.csv", "confusion.csv", "epochs.csv", "per_class.csv"], zip.Entries.Select(e => e.FullName).Order());
        Assert.Equal(7, Read("batches.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("true_class,cat,dog,frog\ncat,3,1,0\ndog,1,3,0\nfrog,0,1,3\n", Read("confusion.csv"));
        Assert.StartsWith("class,accuracy,test_images\ncat,0.75,4\n", Read("per_class.csv"));
    }

    [Fact]
    public void Html_Run_HasNoExternalUrlAndShowsTheRunsNumbers()
    {
        var id = FinishedRun("html-run");

        var html = Encoding.UTF8.GetString(RunExporter.ExportRun(_runs, id, new ExportRequest(ExportFormat.Html)).Content);

        SelfContainedHtml.AssertNoExternalReference(html);

        Assert.Contains("<td class=\"num test-accuracy\">75.00 %</td>", html, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64," + Convert.ToBase64String(RunFolderBuilder.PngBytes), html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-confusion-0\"", html, StringComparison.Ordinal);
        Assert.Contains("class Residual(nn.Module)", html, StringComparison.Ordinal);
        Assert.Contains("hw4_models.load(&quot;cnn&quot;", html, StringComparison.Ordinal);

        // The charts' data: the run's own epochs and confusion counts.
        var json = DataPattern().Match(html).Groups["json"].Value;
        var run = JsonDocument.Parse(json).RootElement.GetProperty("runs")[0];
        Assert.Equal([1.2, 0.8, 0.9], run.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("val_loss").GetDouble()));
        Assert.Equal(3, run.GetProperty("evaluation").GetProperty("confusion_matrix")[2][2].GetInt64());
    }

    [Fact]
    public void Html_Comparison_ContainsBothRunsAndTheirAccuracies()
    {
        FinishedRun("cmp-a", "cnn");
        new RunFolderBuilder(_runs).Finished("cmp-b", "residual", [1.0, 0.7], [[4, 0, 0], [1, 3, 0], [0, 0, 4]]);

        var file = RunExporter.ExportComparison(_runs, ["cmp-a", "cmp-b"], ExportFormat.Html);
        var html = Encoding.UTF8.GetString(file.Content);

        var json = JsonDocument.Parse(DataPattern().Match(html).Groups["json"].Value).RootElement;
        Assert.Equal(["cmp-a", "cmp-b"], json.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Contains("<td class=\"num test-accuracy\">75.00 %</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num test-accuracy\">" + (11.0 / 12 * 100).ToString("F2", CultureInfo.InvariantCulture) + " %</td>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-confusion-1\"", html, StringComparison.Ordinal);
        Assert.Contains("hw4_models.load(&quot;residual&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportRun_UnknownIdOrMissingEpoch_RefusesNamingIt()
    {
        var id = FinishedRun("pt-run");

        var unknown = Assert.Throws<ExportInputException>(() => RunExporter.ExportRun(_runs, "no-such-run", new ExportRequest(ExportFormat.Json)));
        var epoch = Assert.Throws<ExportInputException>(() => RunExporter.ExportRun(_runs, id, new ExportRequest(ExportFormat.Pt, Epoch: 9)));
        var single = Assert.Throws<ExportInputException>(() => RunExporter.ExportComparison(_runs, [id, id], ExportFormat.Html));

        Assert.True(unknown.NotFound);
        Assert.Contains("no-such-run", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("run pt-run: no checkpoint of epoch 9 (has 1, 2, 3).", epoch.Message);
        Assert.Contains("two different runs", single.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExportFormat.Json)]
    [InlineData(ExportFormat.Html)]
    [InlineData(ExportFormat.Pt)]
    public void ExportRun_DenoisingRun_RefusedAsAnotherKind(ExportFormat format)
    {
        var pixels = new byte[4 * 4 * 3];
        var options = new DenoiseOptions(DenoiseNorm.L1, DenoiseOptimizer.Gd, Lr: 0.3, Alpha: 0.8, Steps: 2, ReportEvery: 1);
        var dir = DenoiseRecipe.Queue(_runs, new DenoiseRunConfig { Options = options, Source = "tiny.png", Preset = null },
            new RgbImage(4, 4, pixels), null, TimeProvider.System);
        var id = System.IO.Path.GetFileName(dir.Path);

        var error = Assert.Throws<ExportInputException>(() => RunExporter.ExportRun(_runs, id, new ExportRequest(format)));

        Assert.Equal($"run {id}: a denoise run; exports cover training runs (its page offers the output image).", error.Message);
    }

    [GeneratedRegex("""<script type="application/json" id="hw4-report-data">(?<json>.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex DataPattern();
}
