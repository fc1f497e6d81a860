using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Hw4.Ml.Data;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Hw4.Ml.Tests.Data;

/// <summary>Writes tiny datasets in every supported layout. Image (class k, index j) has red = 10k + j, green varying by pixel, blue 200.</summary>
internal static class DatasetFiles
{
    public static byte Red(int classIndex, int image) => (byte)(10 * classIndex + image);

    public static byte Green(int pixel) => (byte)(pixel % 50 + 100);

    public const byte Blue = 200;

    /// <summary>The CHW bytes the loaders must produce for image (k, j).</summary>
    public static byte[] Chw(int classIndex, int image)
    {
        var chw = new byte[ImageSet.ImageBytes];
        for (var p = 0; p < 1024; p++)
        {
            chw[p] = Red(classIndex, image);
            chw[1024 + p] = Green(p);
            chw[2048 + p] = Blue;
        }

        return chw;
    }

    public static byte[] Png(int classIndex, int image, int width = 32, int height = 32)
    {
        using var img = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
                img[x, y] = new Rgb24(Red(classIndex, image), Green(y * width + x), Blue);
        }

        using var stream = new MemoryStream();
        img.SaveAsPng(stream);
        return stream.ToArray();
    }

    /// <summary>train/&lt;class&gt;/&lt;j&gt;.png for each class and test/&lt;class&gt;/&lt;j&gt;.png, plus a README like the shared zip's.</summary>
    public static string ImageFolder(string root, string[] classes, int perClass)
    {
        foreach (var split in new[] { "train", "test" })
        {
            for (var k = 0; k < classes.Length; k++)
            {
                var dir = Path.Combine(root, split, classes[k]);
                Directory.CreateDirectory(dir);
                for (var j = 0; j < perClass; j++)
                    File.WriteAllBytes(Path.Combine(dir, $"{j:D4}.png"), Png(k, j));
            }
        }

        File.WriteAllText(Path.Combine(root, "README.txt"), "tiny test dataset");
        return root;
    }

    public static string Zip(string directory, string zipPath)
    {
        ZipFile.CreateFromDirectory(directory, zipPath);
        return zipPath;
    }

    /// <summary>One binary batch: per image 1 label byte + 3072 CHW bytes.</summary>
    public static byte[] Batch(params (int Label, int Image)[] images)
    {
        var data = new byte[images.Length * 3073];
        for (var i = 0; i < images.Length; i++)
        {
            data[i * 3073] = (byte)images[i].Label;
            Chw(images[i].Label, images[i].Image).CopyTo(data, i * 3073 + 1);
        }

        return data;
    }

    /// <summary>cifar-10-batches-bin/ with 5 train batches (one image of each class each) and a test batch.</summary>
    public static string BinaryFolder(string root, string[] classes)
    {
        var dir = Path.Combine(root, "cifar-10-batches-bin");
        Directory.CreateDirectory(dir);
        for (var b = 1; b <= 5; b++)
            File.WriteAllBytes(Path.Combine(dir, $"data_batch_{b}.bin"), Batch(Enumerable.Range(0, classes.Length).Select(k => (k, b)).ToArray()));
        File.WriteAllBytes(Path.Combine(dir, "test_batch.bin"), Batch((1, 7), (0, 8)));
        File.WriteAllText(Path.Combine(dir, "batches.meta.txt"), string.Join("\n", classes) + "\n\n");
        return dir;
    }

    public static string TarGz(string directory, string archivePath)
    {
        using var file = File.Create(archivePath);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        TarFile.CreateFromDirectory(directory, gzip, includeBaseDirectory: true);
        return archivePath;
    }

    /// <summary>A .npy with the given dtype descr, order and shape; data is written as given (already in that order and byte order).</summary>
    public static byte[] Npy(string descr, bool fortran, long[] shape, byte[] data, int version = 1)
    {
        var shapeText = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        var header = $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shapeText}, }}";
        var prefix = version == 1 ? 10 : 12;
        var padded = header.PadRight((header.Length + prefix + 1 + 63) / 64 * 64 - prefix - 1) + "\n";
        using var stream = new MemoryStream();
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)version, 0]);
        var length = new byte[version == 1 ? 2 : 4];
        if (version == 1)
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)padded.Length);
        else
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)padded.Length);
        stream.Write(length);
        stream.Write(Encoding.Latin1.GetBytes(padded));
        stream.Write(data);
        return stream.ToArray();
    }

    /// <summary>X as N×32×32×3 (HWC) bytes for images (label k, index j), in C or Fortran order.</summary>
    public static byte[] Hwc((int Label, int Image)[] images, bool fortran)
    {
        var n = images.Length;
        var data = new byte[n * 3072];
        for (var i = 0; i < n; i++)
        {
            var chw = Chw(images[i].Label, images[i].Image);
            for (var h = 0; h < 32; h++)
            {
                for (var w = 0; w < 32; w++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        var index = fortran ? i + n * (h + 32 * (w + 32 * c)) : ((i * 32 + h) * 32 + w) * 3 + c;
                        data[index] = chw[c * 1024 + h * 32 + w];
                    }
                }
            }
        }

        return data;
    }

    /// <summary>Fixed-width UTF-32 strings, as NumPy stores '&lt;U{width}'.</summary>
    public static byte[] Utf32(string[] values, int width, bool bigEndian = false)
    {
        var encoding = new UTF32Encoding(bigEndian, byteOrderMark: false);
        var data = new byte[values.Length * width * 4];
        for (var i = 0; i < values.Length; i++)
            encoding.GetBytes(values[i]).CopyTo(data, i * width * 4);
        return data;
    }

    public static string Npz(string path, params (string Name, byte[] Npy)[] members)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var (name, npy) in members)
        {
            using var entry = zip.CreateEntry(name + ".npy", CompressionLevel.Fastest).Open();
            entry.Write(npy);
        }

        return path;
    }
}
