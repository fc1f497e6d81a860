namespace Hw4.Ml.Data;

/// <summary>The on-disk layouts <see cref="DatasetLoader"/> recognises.</summary>
public enum DatasetFormat
{
    /// <summary><c>train/&lt;class&gt;/*</c> and <c>test/&lt;class&gt;/*</c> images in a directory.</summary>
    ImageFolder,

    /// <summary>The same image-folder layout inside a .zip archive (e.g. cifar10-jpeg.zip).</summary>
    ImageFolderZip,

    /// <summary>The official binary batches (data_batch_1..5.bin, test_batch.bin, batches.meta.txt) in a directory.</summary>
    CifarBinary,

    /// <summary>The official binary batches inside cifar-10-binary.tar.gz (or a plain .tar).</summary>
    CifarBinaryTar,

    /// <summary>A NumPy .npz holding X (N×32×32×3 uint8), y and label_names.</summary>
    Npz,
}
