using System.Text.RegularExpressions;
using Hw4.Dashboard.Features.Export;

namespace Hw4.Dashboard.Tests.Features.Export;

/// <summary>The check that a report works offline: everything it references is inline, nothing is fetched.</summary>
public static partial class SelfContainedHtml
{
    /// <summary>
    /// Asserts that <paramref name="html"/> embeds plotly.js and that, apart from it, every src, href and CSS url() is a
    /// data: URI or a fragment, with no http(s) URL and no external script. plotly.js is skipped: its minified code
    /// names URLs it never loads for these charts (the SVG namespace, map tiles of geo traces).
    /// </summary>
    public static void AssertNoExternalReference(string html)
    {
        var plotly = ReportAssets.Load().Plotly;
        Assert.Contains(plotly, html, StringComparison.Ordinal);
        var rest = html.Replace(plotly, "", StringComparison.Ordinal);
        var references = ReferencePattern().Matches(rest).Select(m => m.Groups["v"].Value).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(r.StartsWith("data:", StringComparison.Ordinal) || r.StartsWith('#'), $"external reference {r}"));
        Assert.DoesNotContain("http://", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", rest, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?<v>[^"']*)["']|url\(\s*["']?(?<v>[^"')]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ReferencePattern();
}
