using System.Globalization;
using Hw4.Dashboard.Features.Charts;
using Hw4.Ml.Denoising;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// A sweep's PSNR per cell of one norm as a heatmap: rows α, columns lr, colour PSNR (dB); a diverged cell is drawn in
/// red with "diverged @step" as its text, a cell not yet run is blank. The grid is the whole grid asked for (when
/// known), so cells keep their place as they fill in; α and lr are categories, every cell the same size.
/// </summary>
public static class SweepHeatmap
{
    /// <summary>
    /// The heatmap of <paramref name="norm"/>'s points over the grid of <paramref name="options"/> (or, without it,
    /// the values the points have), or null when it has no point yet.
    /// </summary>
    public static HeatmapData? For(IReadOnlyList<DenoiseSweepPoint> points, DenoiseNorm norm, DenoiseSweepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var mine = points.Where(p => p.Norm == norm).ToList();
        if (mine.Count == 0)
            return null;
        var c = CultureInfo.InvariantCulture;
        var alphas = mine.Select(p => p.Alpha).Concat(options?.AlphasFor(norm) ?? []).Distinct().Order().ToList();
        var lrs = mine.Select(p => p.Lr).Concat(options?.LrsFor(norm) ?? []).Distinct().Order().ToList();
        var finite = mine.Where(p => !p.Diverged && p.Psnr is { } v && double.IsFinite(v)).Select(p => p.Psnr!.Value).ToList();
        var (min, max) = finite.Count == 0 ? (0.0, 1.0) : (finite.Min(), Math.Max(finite.Max(), finite.Min() + 0.01));
        var z = new double[alphas.Count][];
        var text = new string[alphas.Count][];
        var blank = new bool[alphas.Count][];
        var marked = new bool[alphas.Count][];
        for (var row = 0; row < alphas.Count; row++)
        {
            (z[row], text[row], blank[row], marked[row]) = (new double[lrs.Count], new string[lrs.Count], new bool[lrs.Count], new bool[lrs.Count]);
            for (var col = 0; col < lrs.Count; col++)
            {
                var cell = mine.FirstOrDefault(p => p.Alpha == alphas[row] && p.Lr == lrs[col]);
                (z[row][col], text[row][col], blank[row][col], marked[row][col]) = cell switch
                {
                    null => (min, "", true, false),
                    { Diverged: true } => (min, string.Create(c, $"diverged<br>@{cell.DivergedAtStep}"), false, true),
                    { Psnr: { } db } when double.IsFinite(db) => (db, db.ToString("0.00", c), false, false),
                    _ => (min, "no PSNR", true, false),
                };
            }
        }

        return new HeatmapData([.. lrs.Select(l => l.ToString("G4", c))], [.. alphas.Select(a => a.ToString("G4", c))], z, text, min, max,
            Diverging: false, XTitle: "lr", YTitle: "α")
        {
            ColorBarTitle = "dB",
            Blank = blank,
            Marked = marked,
        };
    }
}
