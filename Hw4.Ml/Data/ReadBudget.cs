using System.Globalization;
using Hw4.Ml.IO;

namespace Hw4.Ml.Data;

/// <summary>
/// The decompression caps of one load (<see cref="DatasetLoadOptions.MaxMemberBytes"/> and
/// <see cref="DatasetLoadOptions.MaxTotalBytes"/>). Every member's size is charged before it is read, so a bomb is
/// refused before it is inflated, and reads stop at the charged size, so a member that turns out longer than it said
/// cannot take more. Thread-safe: image-folder workers charge it in parallel.
/// </summary>
internal sealed class ReadBudget(string source, long maxMemberBytes, long maxTotalBytes)
{
    private const int ChunkBytes = 1 << 20;

    private long _charged;

    public static ReadBudget For(string source, DatasetLoadOptions options) => new(source, options.MaxMemberBytes, options.MaxTotalBytes);

    public long MaxMemberBytes => maxMemberBytes;

    /// <summary>What may still be charged before the total cap is reached.</summary>
    public long Remaining => Math.Max(0, maxTotalBytes - Interlocked.Read(ref _charged));

    /// <summary>Charges <paramref name="bytes"/> for <paramref name="member"/>; throws when it is over either cap.</summary>
    public void Charge(string member, long bytes)
    {
        if (bytes > maxMemberBytes)
            throw new DatasetException(Invariant($"{source}: {member} is {bytes:N0} bytes; the cap for one file or member is {maxMemberBytes:N0} bytes (MaxMemberBytes)."));
        var total = Interlocked.Add(ref _charged, bytes);
        if (total > maxTotalBytes)
            throw new DatasetException(Invariant($"{source}: {member} takes the data read past the {maxTotalBytes:N0}-byte cap for a whole dataset (MaxTotalBytes)."));
    }

    /// <summary>Refuses a dataset whose decoded pixels (<paramref name="images"/> × 3,072 bytes) would exceed the total cap.</summary>
    public void CheckImages(long images)
    {
        var bytes = images * ImageSet.ImageBytes;
        if (bytes > maxTotalBytes)
            throw new DatasetException(Invariant($"{source}: {images:N0} images would decode to {bytes:N0} bytes; the cap is {maxTotalBytes:N0} bytes (MaxTotalBytes)."));
    }

    /// <summary>
    /// Charges <paramref name="declared"/> bytes, then reads exactly that many from <paramref name="stream"/> in 1 MiB
    /// steps; a shorter member is truncated, and one that goes on past its declared size is refused.
    /// </summary>
    public byte[] ReadMember(Stream stream, string member, long declared)
    {
        if (declared < 0)
            throw new DatasetException($"{source}: {member} declares a negative size.");
        Charge(member, declared);
        return ReadDeclared(stream, member, declared);
    }

    /// <summary>Reads exactly <paramref name="declared"/> bytes (already charged) from <paramref name="stream"/>; see <see cref="ReadMember"/>.</summary>
    public byte[] ReadDeclared(Stream stream, string member, long declared)
    {
        if (declared > maxMemberBytes)
            throw new DatasetException(Invariant($"{source}: {member} is {declared:N0} bytes; the cap for one file or member is {maxMemberBytes:N0} bytes (MaxMemberBytes)."));
        // Uninitialised: pages are only touched as data actually arrives, so a size that lies costs little memory.
        var data = GC.AllocateUninitializedArray<byte>((int)declared);
        var done = 0;
        while (done < data.Length)
        {
            var read = stream.Read(data, done, Math.Min(ChunkBytes, data.Length - done));
            if (read == 0)
                throw new DatasetException(Invariant($"{source}: {member} is truncated ({done:N0} of {declared:N0} bytes)."));
            done += read;
        }

        if (stream.ReadByte() >= 0)
            throw new DatasetException(Invariant($"{source}: {member} holds more than the {declared:N0} bytes it declares."));
        return data;
    }

    /// <summary>Reads a regular file through <see cref="ReadMember"/>, its current length being the declared size.</summary>
    public byte[] ReadFile(string path, string member, bool charged = false)
    {
        using var stream = InputFile.OpenRead(path);
        return charged ? ReadDeclared(stream, member, stream.Length) : ReadMember(stream, member, stream.Length);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
