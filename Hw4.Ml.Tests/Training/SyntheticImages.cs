using Hw4.Ml.Data;

namespace Hw4.Ml.Tests.Training;

/// <summary>Tiny learnable image sets: each class has its own base colour, plus per-pixel noise.</summary>
internal static class SyntheticImages
{
    public static readonly string[] ClassNames = ["red", "green", "blue", "grey"];

    public static ImageSet Create(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * ImageSet.ImageBytes];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var label = i % ClassNames.Length;
            labels[i] = label;
            for (var c = 0; c < ImageSet.Channels; c++)
            {
                var baseValue = label == 3 ? 128 : (c == label ? 200 : 40);
                var offset = i * ImageSet.ImageBytes + c * ImageSet.Height * ImageSet.Width;
                for (var p = 0; p < ImageSet.Height * ImageSet.Width; p++)
                    pixels[offset + p] = (byte)Math.Clamp(baseValue + random.Next(-60, 61), 0, 255);
            }
        }

        return new ImageSet(pixels, labels, ClassNames);
    }
}
