using System.Reflection;

namespace Hw4.Dashboard.Features.Export;

/// <summary>
/// The files an HTML report embeds, compiled into this assembly (see Hw4.Dashboard.csproj): plotly.js's cartesian bundle
/// (the build the dashboard serves), the reports' own scripts and styles, and
/// <c>scripts/pytorch/hw4_models.py</c>, the PyTorch definition of the networks.
/// </summary>
public sealed class ReportAssets
{
    private const string Prefix = "Hw4.Export.";

    private ReportAssets(string plotly, string script, string style, string pythonModels, string homeworkStyle, string figures)
    {
        Plotly = plotly;
        Script = script;
        Style = style;
        PythonModels = pythonModels;
        HomeworkStyle = homeworkStyle;
        Figures = figures;
    }

    /// <summary>plotly.js's cartesian bundle, the one the dashboard serves (MIT licence, its banner kept).</summary>
    public string Plotly { get; }

    /// <summary>report.js: draws the charts from the embedded JSON.</summary>
    public string Script { get; }

    /// <summary>report.css.</summary>
    public string Style { get; }

    /// <summary>hw4_models.py.</summary>
    public string PythonModels { get; }

    /// <summary>homework.css: the homework report's own style, on top of report.css (print layout, tables, notes).</summary>
    public string HomeworkStyle { get; }

    /// <summary>figures.js: draws each figure the homework report embeds as JSON.</summary>
    public string Figures { get; }

    /// <summary>Reads the embedded files (about 1.5 MB, most of it plotly.js); call once per export.</summary>
    public static ReportAssets Load() =>
        new(Read("plotly.min.js"), Read("report.js"), Read("report.css"), Read("hw4_models.py"), Read("homework.css"), Read("figures.js"));

    private static string Read(string name)
    {
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"embedded report asset {name} is missing from {typeof(ReportAssets).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
