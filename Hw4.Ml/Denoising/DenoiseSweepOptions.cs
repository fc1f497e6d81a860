namespace Hw4.Ml.Denoising;

/// <summary>A grid norm × α × lr, every cell run for <paramref name="Steps"/> steps of <paramref name="Optimizer"/>.</summary>
/// <param name="Norms">Norms to sweep.</param>
/// <param name="Alphas">α values; null uses <see cref="DefaultAlphas"/> of each norm.</param>
/// <param name="Lrs">Learning rates; null uses <see cref="DefaultLrs"/> of each norm.</param>
/// <param name="Steps">Steps per cell.</param>
/// <param name="Optimizer">Update rule of every cell.</param>
/// <param name="Batched">
/// Run the cells of one norm as one K×C×H×W tensor program (gd only; other optimizers run one cell after another);
/// null chooses what measured faster: batched on CUDA, where a step is many small kernel launches, and one after
/// another on the CPU, where every element-wise operation is memory-bound and stacking K images only makes the working
/// set larger (measured 1.3× slower for 6 parrots cells; docs/denoise-sweep.md).
/// </param>
/// <param name="MaxBatch">
/// Most cells in one batched program. The default, 6, keeps a K-stacked 768×512 RGB float tensor under glibc's 32 MiB
/// mmap cap: above it every temporary is a fresh mmap, zero-filled by the kernel, and a 12-cell batch ran 6× slower.
/// </param>
public sealed record DenoiseSweepOptions(
    IReadOnlyList<DenoiseNorm> Norms,
    IReadOnlyList<double>? Alphas = null,
    IReadOnlyList<double>? Lrs = null,
    int Steps = 200,
    DenoiseOptimizer Optimizer = DenoiseOptimizer.Gd,
    bool? Batched = null,
    int MaxBatch = 6)
{
    /// <summary>The default α values of <paramref name="norm"/>: around each norm's measured best.</summary>
    public static IReadOnlyList<double> DefaultAlphas(DenoiseNorm norm) => norm == DenoiseNorm.L2 ? [1, 1.5, 2, 4] : [0.8, 1.5, 2.5];

    /// <summary>
    /// The default learning rates of <paramref name="norm"/>. L2's gradient is 2(1 + 8α)/(1 + 4α) times larger in its
    /// largest direction, and gd is stable only below lr = 1/(1 + 8α); the grids include the homework's 0.9 so that the
    /// sweep shows where each norm diverges.
    /// </summary>
    public static IReadOnlyList<double> DefaultLrs(DenoiseNorm norm) => norm == DenoiseNorm.L2 ? [0.01, 0.02, 0.05, 0.9] : [0.05, 0.1, 0.3, 0.9];

    /// <summary>The α values swept for <paramref name="norm"/>.</summary>
    public IReadOnlyList<double> AlphasFor(DenoiseNorm norm) => Alphas ?? DefaultAlphas(norm);

    /// <summary>The learning rates swept for <paramref name="norm"/>.</summary>
    public IReadOnlyList<double> LrsFor(DenoiseNorm norm) => Lrs ?? DefaultLrs(norm);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Norms);
        if (Norms.Count == 0)
            throw new ArgumentException("Sweep at least one norm.", nameof(Norms));
        if (Alphas is { Count: 0 })
            throw new ArgumentException("Give at least one alpha.", nameof(Alphas));
        if (Lrs is { Count: 0 })
            throw new ArgumentException("Give at least one learning rate.", nameof(Lrs));
        if (MaxBatch < 1)
            throw new ArgumentException($"MaxBatch must be at least 1 (got {MaxBatch}).", nameof(MaxBatch));
        // Each cell's options validate the rest (lr > 0, alpha >= 0, steps >= 0) with the same messages as one run.
        foreach (var norm in Norms)
            foreach (var alpha in AlphasFor(norm))
                foreach (var lr in LrsFor(norm))
                    new DenoiseOptions(norm, Optimizer, lr, alpha, Steps).Validate();
    }
}
