using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using Hw4.Ml.Data;
using Hw4.Ml.Tests.IO;
using Xunit.Abstractions;

namespace Hw4.Ml.Tests.Data;

/// <summary>
/// Decompression bombs in every container the loaders read, written at run time from a zero stream (no file holds the
/// expanded bytes). Each is refused with a message naming the source and the member; the memory it cost is bounded by
/// what this thread allocated (the readers run on the calling thread until decoding starts).
/// </summary>
[Trait("Category", "System")]
public sealed class DatasetBombTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Classes = ["cat", "dog"];

    private readonly TempDirectory _temp = new();

    private DatasetLoadOptions Options => new() { UseCache = false, MaxDegreeOfParallelism = 1 };

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_TarGzMemberInflatingTo1GiB_RefusedBeforeInflatingIt()
    {
        var archive = TarGz(_temp.Combine("cifar-10-binary.tar.gz"), ("cifar-10-batches-bin/data_batch_1.bin", 1L << 30));
        Assert.InRange(new FileInfo(archive).Length, 1, 8L << 20);

        var (error, allocated) = Measure(() => DatasetLoader.Load(archive, Options));

        Assert.Equal($"{archive}: entry cifar-10-batches-bin/data_batch_1.bin is 1,073,741,824 bytes; the cap for one file or member is 201,326,592 bytes (MaxMemberBytes).", error.Message);
        Assert.True(allocated < 32L << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Load_TarGzMembersPastTheTotalCap_RefusedAtTheMemberThatCrossesIt()
    {
        // Three members of 150 MiB each pass the 192 MiB member cap; the third takes the total past 384 MiB.
        var archive = TarGz(_temp.Combine("three.tar.gz"),
            ("cifar-10-batches-bin/data_batch_1.bin", 150L << 20),
            ("cifar-10-batches-bin/data_batch_2.bin", 150L << 20),
            ("cifar-10-batches-bin/data_batch_3.bin", 150L << 20));

        var (error, allocated) = Measure(() => DatasetLoader.Load(archive, Options));

        Assert.Equal($"{archive}: entry cifar-10-batches-bin/data_batch_3.bin takes the data read past the 402,653,184-byte cap for a whole dataset (MaxTotalBytes).", error.Message);
        // The two members read before it (300 MiB) and nothing of the third.
        Assert.True(allocated < 320L << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Load_TarGzSkippedMemberInflatingTo1GiB_CountedAndRefused()
    {
        var archive = TarGz(_temp.Combine("readme.tar.gz"), ("cifar-10-batches-bin/README", 1L << 30));

        var (error, allocated) = Measure(() => DatasetLoader.Load(archive, Options));

        Assert.Contains("entry cifar-10-batches-bin/README is 1,073,741,824 bytes", error.Message);
        Assert.True(allocated < 32L << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Load_NpzWhoseXClaims215MB_RefusedBeforeInflatingIt()
    {
        // 70,000 images of zeros: a real array, 215 MB inflated, about 200 KB in the file.
        var path = Npz(_temp.Combine("bomb.npz"), ("X", "|u1", [70_000, 32, 32, 3]), ("y", "<i8", [70_000]));
        Assert.InRange(new FileInfo(path).Length, 1, 4L << 20);

        var (error, allocated) = Measure(() => DatasetLoader.Load(path, Options));

        Assert.Equal($"{path}: X.npy: shape (70000, 32, 32, 3) claims 215,040,000 bytes of data, more than the 201,326,592-byte cap for one array (MaxMemberBytes).", error.Message);
        Assert.True(allocated < 32L << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Load_NpzShapeBeyondArrayMaxLength_ClearErrorNamingTheFile()
    {
        var path = Npz(_temp.Combine("huge.npz"), ("X", "|u1", [1_000_000, 32, 32, 3]));
        var options = Options with { MaxMemberBytes = Array.MaxLength, MaxTotalBytes = long.MaxValue };

        var (error, allocated) = Measure(() => DatasetLoader.Load(path, options));

        Assert.StartsWith($"{path}: X.npy: shape (1000000, 32, 32, 3) claims 3,072,000,000 bytes of data, more than the largest .NET array", error.Message);
        Assert.True(allocated < 32L << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Load_NpzArraysPastTheTotalCap_RefusedAtTheArrayThatCrossesIt()
    {
        var path = Npz(_temp.Combine("labels.npz"), ("X", "|u1", [100, 32, 32, 3]), ("y", "<i8", [1 << 17]));
        var options = Options with { MaxTotalBytes = 1L << 20 };

        var (error, _) = Measure(() => DatasetLoader.Load(path, options));

        Assert.Equal($"{path}: y.npy takes the data read past the 1,048,576-byte cap for a whole dataset (MaxTotalBytes).", error.Message);
    }

    [Fact]
    public void Load_ZipImageInflatingTo1GiB_RefusedBeforeInflatingIt()
    {
        var path = _temp.Combine("images.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Write(zip, "train/cat/0.png", new ZeroStream(1L << 30));
            Write(zip, "test/cat/0.png", new MemoryStream(DatasetFiles.Png(0, 0)));
        }

        Assert.InRange(new FileInfo(path).Length, 1, 8L << 20);

        var (error, allocated) = Measure(() => DatasetLoader.Load(path, Options));

        Assert.Equal($"{path}: entry train/cat/0.png is 1073741824 bytes, too large for a 32×32 image.", error.Message);
        Assert.True(allocated < 32L << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Load_ZipImageDeclaring3000BytesButInflatingTo1GiB_RefusedAfterReadingOnlyWhatItDeclared()
    {
        var path = _temp.Combine("lying.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Write(zip, "test/cat/0.png", new MemoryStream(DatasetFiles.Png(0, 0)));
            Write(zip, "train/cat/0.png", new ZeroStream(1L << 30));
        }

        // Rewrite the bomb's uncompressed size, in its local header and its central-directory record, to 3,000 bytes.
        var bytes = File.ReadAllBytes(path);
        var name = "train/cat/0.png"u8.ToArray();
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
                patched += Patch(bytes, i + 22);
            else if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
                patched += Patch(bytes, i + 24);
        }

        Assert.Equal(2, patched);
        File.WriteAllBytes(path, bytes);
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path, Options));

        output.WriteLine($"{clock.Elapsed.TotalMilliseconds:F0} ms: {error.Message}");
        Assert.StartsWith($"{path}: ", error.Message);
        Assert.Contains("train/cat/0.png", error.Message);
        // Inflating the whole gigabyte takes seconds; stopping at the declared size takes milliseconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");

        static int Patch(byte[] zip, int offset)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(offset), 3000);
            return 1;
        }
    }

    [Fact]
    public void Load_ZipImageWithTextInflatingTo256MiB_DecodesWithoutInflatingIt()
    {
        var path = _temp.Combine("text.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Write(zip, "train/cat/0.png", new MemoryStream(Hw4.Ml.Tests.Imaging.PngBombs.CompressedText(size: 32)));
            Write(zip, "test/cat/0.png", new MemoryStream(DatasetFiles.Png(0, 0)));
        }

        // One decoding worker: Parallel.For runs it on this thread, so this thread's allocation is the load's.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var data = DatasetLoader.Load(path, Options);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"allocated {allocated:N0} bytes on this thread");
        Assert.True(allocated < 32L << 20, $"allocated {allocated:N0} bytes");
        Assert.Equal(1, data.Train.Count);
        Assert.Equal((byte)10, data.Train.Pixels[0]);
    }

    [Fact]
    public void Load_ZipWithMoreImagesThanTheCap_RefusedBeforeDecoding()
    {
        var dir = DatasetFiles.ImageFolder(_temp.Combine("src"), Classes, perClass: 20);
        var path = DatasetFiles.Zip(dir, _temp.Combine("many.zip"));
        // 80 images decode to 245,760 bytes; their PNGs are about 20 KB.
        var options = Options with { MaxTotalBytes = 200_000 };

        var (error, _) = Measure(() => DatasetLoader.Load(path, options));

        Assert.Equal($"{path}: 80 images would decode to 245,760 bytes; the cap is 200,000 bytes (MaxTotalBytes).", error.Message);
    }

    [Fact]
    public void Load_ImageFolderHoldingAFifo_RefusedWithinOneSecondNamingIt()
    {
        var dir = DatasetFiles.ImageFolder(_temp.Combine("src"), Classes, perClass: 2);
        var image = Path.Combine(dir, "train", "dog", "0001.png");
        File.Delete(image);
        Fifo.Create(image);
        var clock = Stopwatch.StartNew();

        var error = Fifo.WithinSeconds(1, () => Assert.Throws<DatasetException>(() => DatasetLoader.Load(dir, Options)));

        Assert.Equal($"{image}: is a named pipe (FIFO), not a regular file (in the dataset folder {dir}).", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Load_BinaryBatchThatIsAFifo_RefusedWithinOneSecond()
    {
        var dir = DatasetFiles.BinaryFolder(_temp.Combine("bin"), Classes);
        var batch = Path.Combine(dir, "test_batch.bin");
        File.Delete(batch);
        Fifo.Create(batch);

        var error = Fifo.WithinSeconds(1, () => Assert.Throws<DatasetException>(() => DatasetLoader.Load(dir, Options)));

        Assert.StartsWith($"{batch}: is a named pipe (FIFO)", error.Message);
    }

    [Fact]
    public void Load_SourceThatIsAFifo_RefusedWithinOneSecond()
    {
        var fifo = Fifo.Create(_temp.Combine("cifar.npz"));

        var error = Fifo.WithinSeconds(1, () => Assert.Throws<DatasetException>(() => DatasetLoader.Load(fifo, Options)));

        Assert.Equal($"{fifo}: is a named pipe (FIFO), not a regular file.", error.Message);
    }

    [Fact]
    public void Load_SourceFileLargerThanTheTotalCap_RefusedBeforeHashingIt()
    {
        var path = _temp.Combine("big.npz");
        using (var file = File.Create(path))
        {
            file.Write("PK\u0003\u0004"u8);
            file.SetLength(400L << 20); // sparse: no disk is used for the zeros
        }

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path, Options));

        Assert.Equal($"{path}: 419,430,400 bytes on disk, more than the 402,653,184-byte cap for a whole dataset (MaxTotalBytes).", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Load_CapOutsideItsRange_ArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetLoader.Load(_temp.Path, Options with { MaxMemberBytes = (long)Array.MaxLength + 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetLoader.Load(_temp.Path, Options with { MaxTotalBytes = 0 }));
    }

    private (DatasetException Error, long Allocated) Measure(Action load)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<DatasetException>(load);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"allocated {allocated:N0} bytes on this thread; refused with: {error.Message}");
        return (error, allocated);
    }

    private static string TarGz(string path, params (string Name, long Bytes)[] members)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, bytes) in members)
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new ZeroStream(bytes) });
        return path;
    }

    /// <summary>An .npz whose members have a valid header for the shape, followed by that many zero bytes.</summary>
    private static string Npz(string path, params (string Name, string Descr, long[] Shape)[] members)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, descr, shape) in members)
        {
            var header = DatasetFiles.Npy(descr, false, shape, []);
            var itemSize = int.Parse(descr[2..], System.Globalization.CultureInfo.InvariantCulture);
            var bytes = shape.Aggregate((long)itemSize, (a, d) => a * d);
            using var entry = zip.CreateEntry(name + ".npy", CompressionLevel.SmallestSize).Open();
            entry.Write(header);
            // Arrays too large to exist are only declared: the header is what a reader must refuse.
            if (bytes <= 1L << 30)
                new ZeroStream(bytes).CopyTo(entry, 1 << 20);
        }

        return path;
    }

    private static void Write(ZipArchive zip, string name, Stream data)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        data.CopyTo(entry, 1 << 20);
    }
}
