using System.IO.Compression;
using Hw4.Ml.Data;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Hw4.Ml.Tests.Data;

public sealed class ImageFolderLoaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private DatasetLoadOptions Options => new() { CacheDirectory = _temp.Combine("cache") };

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_ImageFolderDirectory_DecodesSortedClassesAndChwPixels()
    {
        var root = DatasetFiles.ImageFolder(_temp.Combine("data"), ["zebra", "apple"], perClass: 3);

        var data = DatasetLoader.Load(root, Options);

        Assert.Equal(DatasetFormat.ImageFolder, data.Format);
        Assert.Equal(["apple", "zebra"], data.Classes);
        Assert.Equal([0, 0, 0, 1, 1, 1], data.Train.Labels);
        Assert.Equal(6, data.Test.Count);
        // Folder "apple" was written as class index 1, "zebra" as 0.
        Assert.Equal(DatasetFiles.Chw(1, 2), data.Train.Image(2).ToArray());
        Assert.Equal(DatasetFiles.Chw(0, 0), data.Train.Image(3).ToArray());
        Assert.Equal(64, data.SourceHash.Length);
    }

    [Fact]
    public void Load_ImageFolderZip_MatchesDirectoryLoad()
    {
        var root = DatasetFiles.ImageFolder(_temp.Combine("data"), ["cat", "dog"], perClass: 3);
        var zip = DatasetFiles.Zip(root, _temp.Combine("data.zip"));

        var fromDir = DatasetLoader.Load(root, Options with { UseCache = false });
        var fromZip = DatasetLoader.Load(zip, Options with { UseCache = false });

        Assert.Equal(DatasetFormat.ImageFolderZip, fromZip.Format);
        Assert.Equal(fromDir.Train.Pixels, fromZip.Train.Pixels);
        Assert.Equal(fromDir.Test.Labels, fromZip.Test.Labels);
        Assert.Equal(fromDir.Classes, fromZip.Classes);
    }

    [Fact]
    public void Load_OfficialCifarClassNames_UsesOfficialOrder()
    {
        var official = CifarClasses.Official.ToArray();
        var root = DatasetFiles.ImageFolder(_temp.Combine("data"), official, perClass: 1);

        var data = DatasetLoader.Load(root, Options with { UseCache = false });

        Assert.Equal(official, data.Classes);
        Assert.Equal(Enumerable.Range(0, 10), data.Train.Labels);
    }

    [Fact]
    public void Load_GrayscaleImage_ConvertedToRgb()
    {
        var root = DatasetFiles.ImageFolder(_temp.Combine("data"), ["a", "b"], perClass: 1);
        using (var gray = new Image<L8>(32, 32, new L8(77)))
            gray.SaveAsPng(Path.Combine(root, "train", "a", "0000.png"));

        var data = DatasetLoader.Load(root, Options with { UseCache = false });

        Assert.All(data.Train.Image(0).ToArray(), b => Assert.Equal(77, b));
    }

    [Fact]
    public void Load_ImageNot32x32_ErrorNamesEntry()
    {
        var root = DatasetFiles.ImageFolder(_temp.Combine("data"), ["a", "b"], perClass: 2);
        File.WriteAllBytes(Path.Combine(root, "test", "b", "0001.png"), DatasetFiles.Png(1, 1, width: 33));

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(root, Options));

        Assert.Contains("test/b/0001.png", ex.Message);
        Assert.Contains("33×32", ex.Message);
    }

    [Fact]
    public void Load_CorruptImage_ErrorNamesEntry()
    {
        var root = DatasetFiles.ImageFolder(_temp.Combine("data"), ["a", "b"], perClass: 2);
        File.WriteAllBytes(Path.Combine(root, "train", "a", "0001.png"), [1, 2, 3, 4, 5]);
        var zip = DatasetFiles.Zip(root, _temp.Combine("data.zip"));

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(zip, Options));

        Assert.Contains("train/a/0001.png", ex.Message);
    }

    [Fact]
    public void Load_TestClassMissingFromTrain_ErrorNamesClass()
    {
        var root = DatasetFiles.ImageFolder(_temp.Combine("data"), ["a", "b"], perClass: 1);
        Directory.CreateDirectory(Path.Combine(root, "test", "c"));
        File.WriteAllBytes(Path.Combine(root, "test", "c", "0000.png"), DatasetFiles.Png(0, 0));

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(root, Options));

        Assert.Contains("test/c/", ex.Message);
    }

    [Fact]
    public void Load_StrayTopLevelFolder_ErrorNamesFolder()
    {
        var root = DatasetFiles.ImageFolder(_temp.Combine("data"), ["a", "b"], perClass: 1);
        Directory.CreateDirectory(Path.Combine(root, "valid", "a"));
        File.WriteAllBytes(Path.Combine(root, "valid", "a", "0000.png"), DatasetFiles.Png(0, 0));

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(root, Options));

        Assert.Contains("valid/", ex.Message);
    }

    [Fact]
    public void Load_MissingTestFolder_ErrorSaysTest()
    {
        var root = DatasetFiles.ImageFolder(_temp.Combine("data"), ["a", "b"], perClass: 1);
        Directory.Delete(Path.Combine(root, "test"), recursive: true);

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(root, Options));

        Assert.Contains("no test/ folder", ex.Message);
    }

    [Fact]
    public void Load_EmptyTrainSplit_ErrorSaysEmpty()
    {
        var root = DatasetFiles.ImageFolder(_temp.Combine("data"), ["a"], perClass: 1);
        File.Delete(Path.Combine(root, "train", "a", "0000.png"));
        File.WriteAllText(Path.Combine(root, "train", "a", ".keep"), "");

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(root, Options));

        Assert.Contains("train/ holds no images", ex.Message);
    }

    [Fact]
    public void Load_TruncatedZip_ClearError()
    {
        var root = DatasetFiles.ImageFolder(_temp.Combine("data"), ["a", "b"], perClass: 3);
        var zip = DatasetFiles.Zip(root, _temp.Combine("data.zip"));
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(zip, Options));

        Assert.Contains("data.zip", ex.Message);
        Assert.Contains("corrupt or truncated", ex.Message);
    }

    [Fact]
    public void Load_ZipWithWrappingFolder_FindsTrainAndTest()
    {
        var root = DatasetFiles.ImageFolder(_temp.Combine("outer", "cifar"), ["a", "b"], perClass: 1);
        var zip = _temp.Combine("wrapped.zip");
        ZipFile.CreateFromDirectory(_temp.Combine("outer"), zip);

        var data = DatasetLoader.Load(zip, Options);

        Assert.Equal(2, data.Train.Count);
        Assert.Equal(["a", "b"], data.Classes);
        Assert.True(Directory.Exists(root));
    }

    [Fact]
    public void Load_UnrecognisedFile_ClearError()
    {
        var path = _temp.Combine("notes.txt");
        File.WriteAllText(path, "hello");

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path, Options));

        Assert.Contains("notes.txt: not a recognised dataset", ex.Message);
    }

    [Fact]
    public void Load_MissingPath_ClearError()
    {
        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(_temp.Combine("nope.zip"), Options));

        Assert.Contains("nope.zip: no such file or directory", ex.Message);
    }
}
