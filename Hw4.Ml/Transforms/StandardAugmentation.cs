namespace Hw4.Ml.Transforms;

/// <summary>The reference's training augmentation, after <see cref="ToTensor"/>.</summary>
public static class StandardAugmentation
{
    /// <summary>
    /// flip (p = 0.5) → affine (±5°, scale 0.8–1.2) → jitter (brightness and saturation 0.8–1.2), as the reference's
    /// <c>T.Compose([T.ToTensor(), T.RandomHorizontalFlip(), T.RandomAffine(5, scale=(0.8, 1.2)),
    /// T.ColorJitter(brightness=(0.8, 1.2), saturation=(0.8, 1.2))])</c>.
    /// </summary>
    public static Compose Create() => new(
        new RandomHorizontalFlip(0.5),
        new RandomAffine(5, 0.8, 1.2),
        new ColorJitter(0.8, 1.2, 0.8, 1.2));
}
