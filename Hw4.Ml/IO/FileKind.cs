namespace Hw4.Ml.IO;

/// <summary>What a path names, as <c>stat(2)</c> reports it (symbolic links followed).</summary>
public enum FileKind
{
    /// <summary>Nothing exists at the path.</summary>
    Missing,

    /// <summary>A regular file: the only kind the loaders read.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A named pipe: opening it for reading blocks until a writer appears.</summary>
    Fifo,

    /// <summary>A character device such as <c>/dev/zero</c>, which never ends.</summary>
    CharacterDevice,

    /// <summary>A block device.</summary>
    BlockDevice,

    /// <summary>A Unix domain socket.</summary>
    Socket,

    /// <summary>The kind could not be determined (an unsupported platform or a failed stat).</summary>
    Unknown,
}
