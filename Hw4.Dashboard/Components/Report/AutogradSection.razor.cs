using System.Globalization;
using Hw4.Dashboard.Features.Report;
using Hw4.Ml.Autograd;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Report;

/// <summary>1.1: the Taylor sine and its autograd derivative against cos, at a point, over 100 points and by terms.</summary>
public sealed partial class AutogradSection
{
    /// <summary>The report.</summary>
    [Parameter, EditorRequired]
    public HomeworkReport Report { get; set; } = default!;

    private TaylorResult Taylor => Report.Taylor;

    private ReportFigure TaylorFigure => ReportFigures.Taylor(Report);

    private ReportFigure TermsFigure => ReportFigures.Terms(Report);

    private static string Num(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
