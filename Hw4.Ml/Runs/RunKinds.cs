namespace Hw4.Ml.Runs;

/// <summary>The kinds of run.</summary>
public static class RunKinds
{
    /// <summary>A CIFAR-10 training run.</summary>
    public const string Train = "train";

    /// <summary>A total-variation denoising run.</summary>
    public const string Denoise = "denoise";
}
