using Hw4.Ml.Evaluation;

namespace Hw4.Ml.Tests.Evaluation;

public sealed class ConfusionMatrixTests
{
    // Rows = true class. Class 2 is worst (4/10 right) and goes to class 0 more often than to class 1.
    private static readonly long[,] HandMade =
    {
        { 8, 1, 1 },
        { 0, 9, 1 },
        { 5, 1, 4 },
    };

    [Fact]
    public void Accuracy_HandMadeMatrix_IsTraceOverTotal()
    {
        var matrix = new ConfusionMatrix(HandMade);

        Assert.Equal(30, matrix.Total);
        Assert.Equal(21.0 / 30, matrix.Accuracy, 12);
        Assert.Equal(new[] { 0.8, 0.9, 0.4 }, matrix.PerClassAccuracy());
    }

    [Fact]
    public void WorstClass_HandMadeMatrix_IsLowestRecallAndItsPartnerIsTheLargestOffDiagonal()
    {
        var matrix = new ConfusionMatrix(HandMade);

        Assert.Equal(2, matrix.WorstClass());
        Assert.Equal(0, matrix.MostConfusedWith(2));
        Assert.Equal(2, matrix.MostConfusedWith(1));
    }

    [Fact]
    public void MostConfusedWith_ClassNeverWrong_IsNull()
    {
        var matrix = new ConfusionMatrix(new long[,] { { 3, 0 }, { 1, 2 } });

        Assert.Null(matrix.MostConfusedWith(0));
        Assert.Equal(1, matrix.WorstClass());
    }

    [Fact]
    public void RowNormalized_HandMadeMatrix_RowsSumToOne()
    {
        var rows = new ConfusionMatrix(HandMade).RowNormalized();

        Assert.All(rows, row => Assert.Equal(1.0, row.Sum(), 12));
        Assert.Equal(0.5, rows[2][0], 12);
    }

    [Fact]
    public void FromPredictions_Labels_SumsToSampleCount()
    {
        int[] truth = [0, 0, 1, 2, 2, 2, 1];
        int[] predicted = [0, 1, 1, 2, 0, 0, 1];

        var matrix = ConfusionMatrix.FromPredictions(truth, predicted, 3);

        Assert.Equal(truth.Length, matrix.Total);
        Assert.Equal(truth.Length, matrix.ToRows().Sum(r => r.Sum()));
        Assert.Equal(2, matrix[2, 0]);
        Assert.Equal(4.0 / 7, matrix.Accuracy, 12);
    }

    [Fact]
    public void Constructor_NonSquare_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ConfusionMatrix(new long[2, 3]));
    }
}
