using Hw4.Dashboard.Arguments;
using Hw4.Ml.IO;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>
/// Checks an output path (<c>--out</c>) before a verb does any work, so a path that cannot be written fails in a
/// second with exit 2, not after minutes of denoising or training: it must not be a directory or an existing special
/// file (writing to a FIFO blocks until a reader appears), and its nearest existing folder must be a folder.
/// </summary>
internal static class OutputTarget
{
    /// <summary>The full path of <paramref name="path"/>, or a <see cref="CliInputException"/> naming <paramref name="option"/> and why.</summary>
    public static string Check(string option, string path)
    {
        var target = Path.GetFullPath(path);
        if (Directory.Exists(target))
            throw new CliInputException($"{option} {target}: is a directory; give a file name.");
        if (InputFile.KindOf(target) is not (FileKind.Missing or FileKind.Regular) && InputFile.RefusalReason(target) is { } reason)
            throw new CliInputException($"{option} {target}: {reason}.");
        for (var folder = Path.GetDirectoryName(target); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var kind = InputFile.KindOf(folder);
            if (kind == FileKind.Missing)
                continue; // made when the file is written
            if (kind != FileKind.Directory)
                throw new CliInputException($"{option} {target}: {folder} is not a folder.");
            break;
        }

        return target;
    }
}
