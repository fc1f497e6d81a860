using Microsoft.Playwright;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// Prints a report's HTML to PDF with the system Chromium through Playwright: A4, backgrounds on, each section on a new
/// page (the report's print style breaks before every section). Waits for the charts to be drawn before printing.
/// </summary>
public static class ReportPdf
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>The PDF of <paramref name="html"/>; a missing Chromium is an <see cref="InvalidOperationException"/> naming the path.</summary>
    public static async Task<byte[]> PrintAsync(string html, string? chromium = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var path = chromium ?? DefaultChromium;
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path}: no Chromium there, so no PDF; install Debian's package (apt-get install -y chromium) or export html.");
        // Playwright sets pages through a file, not a data: URL: the report is several MB, more than a URL should carry.
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
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.chart')].every(c => c.querySelector('.main-svg') || !c.offsetParent || c.childElementCount === 0)");
            cancellationToken.ThrowIfCancellationRequested();
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                Margin = new Margin { Top = "12mm", Bottom = "12mm", Left = "10mm", Right = "10mm" },
            });
        }
        finally
        {
            File.Delete(file);
        }
    }
}
