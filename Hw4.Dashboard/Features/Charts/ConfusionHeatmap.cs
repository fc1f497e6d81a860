using System.Globalization;
using Hw4.Ml.Evaluation;

namespace Hw4.Dashboard.Features.Charts;

/// <summary>Shapes confusion matrices (rows = true class) into heatmaps labelled with class names.</summary>
public static class ConfusionHeatmap
{
    /// <summary>
    /// One matrix: each cell is coloured by its row fraction (so every row reads the same way whatever the class size)
    /// and annotated with the count and that fraction.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not square or does not match the class names.</exception>
    public static HeatmapData Counts(IReadOnlyList<string> classes, long[][] counts)
    {
        var matrix = ToMatrix(classes, counts, nameof(counts));
        var fractions = matrix.RowNormalized();
        var text = Enumerable.Range(0, classes.Count).Select(r => Enumerable.Range(0, classes.Count)
            .Select(c => $"{matrix[r, c].ToString(CultureInfo.InvariantCulture)}<br>{fractions[r][c].ToString("0%", CultureInfo.InvariantCulture)}").ToArray()).ToArray();
        return new HeatmapData(classes, classes, fractions, text, 0, 1, Diverging: false, "predicted", "true");
    }

    /// <summary>
    /// The difference <paramref name="second"/> − <paramref name="first"/> of the row-normalised matrices, on a scale
    /// symmetric about 0 (at least ±1 so an all-zero difference still draws). Colours, colour bar and cell text are all
    /// in percentage points.
    /// </summary>
    /// <exception cref="ArgumentException">A matrix is not square or does not match the class names.</exception>
    public static HeatmapData Difference(IReadOnlyList<string> classes, long[][] first, long[][] second)
    {
        var a = ToMatrix(classes, first, nameof(first)).RowNormalized();
        var b = ToMatrix(classes, second, nameof(second)).RowNormalized();
        var diff = a.Select((row, r) => row.Select((v, c) => b[r][c] - v).ToArray()).ToArray();
        var points = diff.Select(row => row.Select(d => d * 100).ToArray()).ToArray();
        var extent = Math.Max(1, points.SelectMany(row => row).Select(Math.Abs).DefaultIfEmpty().Max());
        var text = diff.Select(row => row.Select(d => FormatPoints(d)).ToArray()).ToArray();
        return new HeatmapData(classes, classes, points, text, -extent, extent, Diverging: true, "predicted", "true") { ColorBarTitle = "pp" };
    }

    /// <summary>A fraction difference as signed percentage points, e.g. <c>+3.5</c>; exactly 0 shows as <c>0</c>.</summary>
    public static string FormatPoints(double fractionDelta) =>
        fractionDelta == 0 ? "0" : (fractionDelta * 100).ToString("+0.0;-0.0;0", CultureInfo.InvariantCulture);

    private static ConfusionMatrix ToMatrix(IReadOnlyList<string> classes, long[][] rows, string name)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(rows);
        var n = classes.Count;
        if (n == 0 || rows.Length != n || rows.Any(r => r is null || r.Length != n))
            throw new ArgumentException($"The confusion matrix must be {n}×{n} to match the {n} class names.", name);
        var counts = new long[n, n];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
                counts[r, c] = rows[r][c];
        }

        return new ConfusionMatrix(counts);
    }
}
