using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Hw4.Dashboard.Tests.Cli;

/// <summary>A tiny train/test image folder for the CLI verbs: three classes, each a flat colour plus noise, PNG 32x32.</summary>
internal static class TinyImageFolder
{
    public static readonly string[] Classes = ["airplane", "cat", "ship"];

    /// <summary>Writes <c>root/data/{train,test}/&lt;class&gt;/&lt;n&gt;.png</c> and returns the data folder.</summary>
    public static string Write(string root, int trainPerClass, int testPerClass, int seed)
    {
        var random = new Random(seed);
        var data = Path.Combine(root, "data");
        foreach (var (split, count) in new[] { ("train", trainPerClass), ("test", testPerClass) })
        {
            for (var c = 0; c < Classes.Length; c++)
            {
                var dir = Path.Combine(data, split, Classes[c]);
                Directory.CreateDirectory(dir);
                for (var i = 0; i < count; i++)
                {
                    using var image = new Image<Rgb24>(32, 32);
                    for (var y = 0; y < 32; y++)
                    for (var x = 0; x < 32; x++)
                        image[x, y] = new Rgb24((byte)(c == 0 ? 200 : random.Next(80)), (byte)(c == 1 ? 200 : random.Next(80)), (byte)(c == 2 ? 200 : random.Next(80)));
                    image.SaveAsPng(Path.Combine(dir, $"{i}.png"));
                }
            }
        }

        return data;
    }
}
