using Hw4.Dashboard.Features.Export;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor.Services;
using Hw4.Dashboard.Features.Report;

namespace Hw4.Dashboard.Components.Report;

/// <summary>
/// Renders <see cref="HomeworkReportDocument"/> to one HTML string with Blazor's <see cref="HtmlRenderer"/> (Razor
/// components outside a page: the report shares the pages' section components, such as the layer table and the seed
/// group table, instead of concatenating its own markup).
/// </summary>
public sealed class HomeworkReportRenderer : IReportHtmlRenderer
{
    /// <inheritdoc />
    public async Task<string> RenderAsync(HomeworkReport report, ReportAssets assets, DateTimeOffset generatedUtc, string? scriptNonce = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(assets);
        var services = new ServiceCollection();
        services.AddLogging();
        // The shared components include MudBlazor ones (the layer table); their services exist, no browser is needed.
        services.AddMudServices();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var body = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(HomeworkReportDocument.Report)] = report,
                [nameof(HomeworkReportDocument.Files)] = assets,
                [nameof(HomeworkReportDocument.GeneratedUtc)] = generatedUtc,
                [nameof(HomeworkReportDocument.ScriptNonce)] = scriptNonce,
            });
            var output = await renderer.RenderComponentAsync<HomeworkReportDocument>(parameters);
            return output.ToHtmlString();
        });
        return "<!DOCTYPE html>\n" + body;
    }
}
