namespace Hw4.Dashboard.Features.Charts;

/// <summary>
/// What a heatmap draws: row labels (<see cref="Y"/>, top to bottom), column labels (<see cref="X"/>), the value per
/// cell that picks its colour, and the text written in each cell.
/// </summary>
/// <param name="X">Column labels.</param>
/// <param name="Y">Row labels, first row at the top.</param>
/// <param name="Z">Colour values, <c>Z[row][column]</c>.</param>
/// <param name="CellText">Text per cell, same shape as <paramref name="Z"/>.</param>
/// <param name="ZMin">Lower end of the colour scale.</param>
/// <param name="ZMax">Upper end of the colour scale.</param>
/// <param name="Diverging">True for a blue–white–red scale centred on 0 (differences); false for a white-to-blue scale.</param>
/// <param name="XTitle">Column axis title.</param>
/// <param name="YTitle">Row axis title.</param>
public sealed record HeatmapData(
    IReadOnlyList<string> X,
    IReadOnlyList<string> Y,
    double[][] Z,
    string[][] CellText,
    double ZMin,
    double ZMax,
    bool Diverging,
    string XTitle,
    string YTitle)
{
    /// <summary>The colour bar's title, naming the unit of <see cref="Z"/> (e.g. <c>pp</c>); null for none.</summary>
    public string? ColorBarTitle { get; init; }

    /// <summary>Cells with no value yet (<c>Blank[row][column]</c>): drawn without colour; null when every cell has one.</summary>
    public bool[][]? Blank { get; init; }

    /// <summary>
    /// Cells outside the scale (<c>Marked[row][column]</c>, e.g. a diverged run): drawn in <see cref="MarkedColor"/>
    /// with their text, not on the colour scale; null for none.
    /// </summary>
    public bool[][]? Marked { get; init; }

    /// <summary>The colour of <see cref="Marked"/> cells.</summary>
    public string MarkedColor { get; init; } = "#c62828";

    /// <summary>True when the cell at <paramref name="row"/>, <paramref name="column"/> is on the colour scale (neither blank nor marked).</summary>
    public bool IsScaled(int row, int column) => Blank?[row][column] != true && Marked?[row][column] != true;
}
