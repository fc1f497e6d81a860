using System.Globalization;
using Hw4.Dashboard.Features.Charts;
using Hw4.Ml.Denoising;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// A sweep's PSNR per cell of one norm as a heatmap: rows α, columns lr, colour PSNR (dB); a diverged cell is drawn
/// at the bottom of the scale with "diverged" as its text, a cell not yet run is blank.
/// </summary>
public static class SweepHeatmap
{
    /// <summary>The heatmap of <paramref name="norm"/>'s points, or null when it has none.</summary>
    public static HeatmapData? For(IReadOnlyList<DenoiseSweepPoint> points, DenoiseNorm norm)
    {
        ArgumentNullException.ThrowIfNull(points);
        var mine = points.Where(p => p.Norm == norm).ToList();
        if (mine.Count == 0)
            return null;
        var c = CultureInfo.InvariantCulture;
        var alphas = mine.Select(p => p.Alpha).Distinct().Order().ToList();
        var lrs = mine.Select(p => p.Lr).Distinct().Order().ToList();
        var finite = mine.Where(p => !p.Diverged && p.Psnr is { } v && double.IsFinite(v)).Select(p => p.Psnr!.Value).ToList();
        var (min, max) = finite.Count == 0 ? (0.0, 1.0) : (finite.Min(), Math.Max(finite.Max(), finite.Min() + 0.01));
        var z = new double[alphas.Count][];
        var text = new string[alphas.Count][];
        for (var row = 0; row < alphas.Count; row++)
        {
            (z[row], text[row]) = (new double[lrs.Count], new string[lrs.Count]);
            for (var col = 0; col < lrs.Count; col++)
            {
                var cell = mine.FirstOrDefault(p => p.Alpha == alphas[row] && p.Lr == lrs[col]);
                (z[row][col], text[row][col]) = cell switch
                {
                    null => (min, ""),
                    { Diverged: true } => (min, string.Create(c, $"diverged @{cell.DivergedAtStep}")),
                    { Psnr: { } db } when double.IsFinite(db) => (db, db.ToString("0.00", c)),
                    _ => (min, "no PSNR"),
                };
            }
        }

        return new HeatmapData([.. lrs.Select(l => l.ToString("G4", c))], [.. alphas.Select(a => a.ToString("G4", c))], z, text, min, max,
            Diverging: false, XTitle: "lr", YTitle: "α");
    }
}
