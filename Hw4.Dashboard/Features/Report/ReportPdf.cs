using Microsoft.Playwright;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// Prints a report's HTML to PDF with the system Chromium through Playwright: A4, backgrounds on, each section on a new
/// page (the report's print style breaks before every section and never inside a table, matrix or chart), and a footer
/// "page N of M". The page is laid out at the A4 text width in print media before it loads, so every chart is drawn at
/// the width it is printed at; the PDF is made once every chart has drawn.
/// </summary>
public static class ReportPdf
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>The printed text width in CSS pixels: A4's 210 mm less the 10 mm margins, at 96 px per inch.</summary>
    public const int PrintWidthPx = 718;

    /// <summary>The footer on every page.</summary>
    public const string FooterTemplate =
        "<div style=\"font-size:8px;width:100%;text-align:center;color:#555;\">page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>";

    /// <summary>The PDF of <paramref name="html"/>; a missing Chromium is an <see cref="InvalidOperationException"/> naming the path.</summary>
    public static async Task<byte[]> PrintAsync(string html, string? chromium = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var path = chromium ?? DefaultChromium;
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path}: no Chromium there, so no PDF; install Debian's package (apt-get install -y chromium) or export html.");
        // Playwright sets pages through a file, not a data: URL: the report is megabytes, more than a URL should carry.
        var file = Path.Combine(Path.GetTempPath(), $"hw4-report-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html, cancellationToken);
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                // Root in containers and CI: Chromium refuses to start sandboxed as root.
                Args = ["--no-sandbox", "--disable-dev-shm-usage"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = PrintWidthPx, Height = 1000 } });
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.chart')].every(c => c.querySelector('.main-svg'))");
            cancellationToken.ThrowIfCancellationRequested();
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = "<span></span>",
                FooterTemplate = FooterTemplate,
                Margin = new Margin { Top = "12mm", Bottom = "14mm", Left = "10mm", Right = "10mm" },
            });
        }
        finally
        {
            File.Delete(file);
        }
    }
}
