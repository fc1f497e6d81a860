namespace Hw4.Dashboard.Features.Export;

/// <summary>What an export writes (see <see cref="RunExporter"/>).</summary>
public enum ExportFormat
{
    /// <summary>One JSON document: run.json's record, every epoch, the reported batches and evaluation.json.</summary>
    Json,

    /// <summary>CSV tables: a zip of all of them, or one table (<see cref="CsvTable"/>).</summary>
    Csv,

    /// <summary>A self-contained HTML report (plotly.js, data and images embedded) of a run or a comparison.</summary>
    Html,

    /// <summary>A checkpoint as a PyTorch state_dict (<c>torch.load</c>-able).</summary>
    Pt,
}
