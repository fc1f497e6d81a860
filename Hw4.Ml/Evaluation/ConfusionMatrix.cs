namespace Hw4.Ml.Evaluation;

/// <summary>
/// Counts of (true class, predicted class) pairs, rows = true class. Pure: every figure is computed from the counts, so a
/// hand-made matrix tests the metrics.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] _counts;

    /// <summary>Wraps a square matrix of non-negative counts (copied).</summary>
    public ConfusionMatrix(long[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.GetLength(0) != counts.GetLength(1) || counts.GetLength(0) == 0)
            throw new ArgumentException("A confusion matrix must be square and non-empty.", nameof(counts));
        foreach (var c in counts)
        {
            if (c < 0) throw new ArgumentException("Counts cannot be negative.", nameof(counts));
        }

        _counts = (long[,])counts.Clone();
    }

    /// <summary>Builds the matrix from true and predicted labels of the same samples.</summary>
    public static ConfusionMatrix FromPredictions(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classCount)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count)
            throw new ArgumentException($"{truth.Count} true labels but {predicted.Count} predictions.", nameof(predicted));
        var counts = new long[classCount, classCount];
        for (var i = 0; i < truth.Count; i++)
            counts[truth[i], predicted[i]]++;
        return new ConfusionMatrix(counts);
    }

    /// <summary>Number of classes.</summary>
    public int ClassCount => _counts.GetLength(0);

    /// <summary>Samples with true class <paramref name="truth"/> predicted as <paramref name="predicted"/>.</summary>
    public long this[int truth, int predicted] => _counts[truth, predicted];

    /// <summary>Total samples (the sum of all counts).</summary>
    public long Total
    {
        get
        {
            long total = 0;
            foreach (var c in _counts) total += c;
            return total;
        }
    }

    /// <summary>Samples of class <paramref name="truth"/>.</summary>
    public long RowTotal(int truth)
    {
        long total = 0;
        for (var p = 0; p < ClassCount; p++) total += _counts[truth, p];
        return total;
    }

    /// <summary>Overall accuracy: trace / total (0 for an empty matrix).</summary>
    public double Accuracy
    {
        get
        {
            long trace = 0;
            for (var i = 0; i < ClassCount; i++) trace += _counts[i, i];
            var total = Total;
            return total == 0 ? 0 : (double)trace / total;
        }
    }

    /// <summary>Per-class accuracy (recall): diagonal / row total; 0 for a class without samples.</summary>
    public IReadOnlyList<double> PerClassAccuracy() =>
        Enumerable.Range(0, ClassCount).Select(i => RowTotal(i) == 0 ? 0 : (double)_counts[i, i] / RowTotal(i)).ToArray();

    /// <summary>The counts as jagged rows (for JSON).</summary>
    public long[][] ToRows() =>
        Enumerable.Range(0, ClassCount).Select(r => Enumerable.Range(0, ClassCount).Select(c => _counts[r, c]).ToArray()).ToArray();

    /// <summary>Each row divided by its total, so row r gives where class r's samples went (all zeros for an empty row).</summary>
    public double[][] RowNormalized() =>
        Enumerable.Range(0, ClassCount).Select(r =>
        {
            var total = RowTotal(r);
            return Enumerable.Range(0, ClassCount).Select(c => total == 0 ? 0 : (double)_counts[r, c] / total).ToArray();
        }).ToArray();

    /// <summary>The class with the lowest per-class accuracy among classes with samples (lowest index on ties).</summary>
    public int WorstClass()
    {
        var accuracy = PerClassAccuracy();
        var worst = -1;
        for (var i = 0; i < ClassCount; i++)
        {
            if (RowTotal(i) == 0) continue;
            if (worst < 0 || accuracy[i] < accuracy[worst]) worst = i;
        }

        return worst < 0 ? 0 : worst;
    }

    /// <summary>
    /// The class that samples of <paramref name="truth"/> are most often wrongly predicted as (lowest index on ties);
    /// null when every one of them was right.
    /// </summary>
    public int? MostConfusedWith(int truth)
    {
        int? partner = null;
        for (var p = 0; p < ClassCount; p++)
        {
            if (p == truth || _counts[truth, p] == 0) continue;
            if (partner is null || _counts[truth, p] > _counts[truth, partner.Value]) partner = p;
        }

        return partner;
    }
}
