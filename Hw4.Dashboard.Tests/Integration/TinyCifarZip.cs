using System.IO.Compression;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace Hw4.Dashboard.Tests.Integration;

/// <summary>
/// A tiny CIFAR-style archive in the shared zip's layout (train|test/&lt;class&gt;/&lt;n&gt;.jpg, JPEG q75), written under
/// a data folder as <c>datasets/cifar10-jpeg.zip</c> so the app finds it through <c>Hw4:DataDir</c>.
/// </summary>
internal static class TinyCifarZip
{
    /// <summary>CIFAR-10's class names, in its order.</summary>
    public static readonly string[] Cifar10Classes = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>The classes of the default 4-class archive.</summary>
    public static readonly string[] Classes = Cifar10Classes[..4];

    /// <summary>
    /// Writes the archive unless an identical one is already there. The folder name is fixed per test build, so the
    /// decoded-dataset cache (keyed by the archive's path) is reused instead of growing by one entry per test run.
    /// </summary>
    public static string EnsureDataDir(int trainPerClass, int testPerClass, int classCount = 4)
    {
        var classes = Cifar10Classes[..classCount];
        var tag = $"{trainPerClass}-{testPerClass}-{classCount}-{(uint)AppContext.BaseDirectory.GetHashCode(StringComparison.Ordinal):x8}";
        var dataDir = Path.Combine(Path.GetTempPath(), $"hw4-live-data-{tag}");
        var zip = Path.Combine(dataDir, "datasets", "cifar10-jpeg.zip");
        if (File.Exists(zip))
            return dataDir;

        Directory.CreateDirectory(Path.GetDirectoryName(zip)!);
        var partial = zip + $".{Environment.ProcessId}.tmp";
        using (var archive = ZipFile.Open(partial, ZipArchiveMode.Create))
        {
            var random = new Random(11);
            var encoder = new JpegEncoder { Quality = 75 };
            foreach (var (split, count) in new[] { ("train", trainPerClass), ("test", testPerClass) })
            {
                for (var c = 0; c < classes.Length; c++)
                {
                    for (var i = 0; i < count; i++)
                    {
                        // Each class a dominant colour plus noise: learnable, so the loss is finite and falls.
                        using var image = new Image<Rgb24>(32, 32);
                        for (var y = 0; y < 32; y++)
                        for (var x = 0; x < 32; x++)
                            image[x, y] = new Rgb24((byte)(c == 0 ? 200 : random.Next(90)), (byte)(c == 1 ? 200 : random.Next(90)), (byte)(c == 2 ? 200 : random.Next(90)));
                        using var entry = archive.CreateEntry($"{split}/{classes[c]}/{i}.jpg", CompressionLevel.NoCompression).Open();
                        image.Save(entry, encoder);
                    }
                }
            }
        }

        // Atomic publish: a concurrent test process sees either no archive or a whole one.
        File.Move(partial, zip, overwrite: true);
        return dataDir;
    }
}
