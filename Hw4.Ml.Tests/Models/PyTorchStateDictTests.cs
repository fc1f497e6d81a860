using Hw4.Ml.Models;
using Hw4.Ml.Tests.Data;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Models;

public sealed class PyTorchStateDictTests
{
    [Fact]
    public void Keys_Cnn_AreTheReferenceSequentialNames()
    {
        Assert.Equal(
            ["0.0.weight", "0.0.bias", "2.0.weight", "2.0.bias", "4.0.weight", "4.0.bias", "6.0.weight", "6.0.bias", "8.weight", "8.bias", "10.weight", "10.bias"],
            PyTorchStateDict.Keys(ModelKind.Cnn));
    }

    [Fact]
    public void Keys_Residual_NameTheBlocksConvolutionsC1AndC2()
    {
        Assert.Equal(
            ["0.0.weight", "0.0.bias", "2.0.weight", "2.0.bias", "4.c1.weight", "4.c1.bias", "4.c2.weight", "4.c2.bias",
             "6.c1.weight", "6.c1.bias", "6.c2.weight", "6.c2.bias", "8.weight", "8.bias", "10.weight", "10.bias"],
            PyTorchStateDict.Keys(ModelKind.Residual));
    }

    [Theory]
    [InlineData(ModelKind.Cnn)]
    [InlineData(ModelKind.Residual)]
    public void Export_SavedCheckpoint_ReadsBackAsTheSameWeights(ModelKind kind)
    {
        using var temp = new TempDirectory();
        manual_seed(3);
        using var trained = ModelFactory.Create(kind);
        var checkpoint = temp.Combine("model_1.params");
        trained.save(checkpoint);
        var output = temp.Combine("model.pt");

        PyTorchStateDict.Export(checkpoint, kind, output);

        manual_seed(4);
        using var loaded = ModelFactory.Create(kind);
        loaded.load_py(output);
        var expected = trained.state_dict();
        var actual = loaded.state_dict();
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected.Keys, k => Assert.True(expected[k].eq(actual[k]).all().item<bool>(), $"{k} differs"));
        // torch.save's format is a zip whose first entry is the pickled dict.
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(output)[..2]);
    }

    [Fact]
    public void Export_NotACheckpoint_ThrowsNamingTheFileAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var checkpoint = temp.Combine("model_1.params");
        File.WriteAllBytes(checkpoint, [1, 2, 3]);
        var output = temp.Combine("model.pt");

        var e = Assert.Throws<InvalidDataException>(() => PyTorchStateDict.Export(checkpoint, ModelKind.Cnn, output));

        Assert.Contains(checkpoint, e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
}
