using System.Globalization;
using System.Security.Cryptography;

namespace Hw4.Ml.Runs;

/// <summary>
/// Run identifiers, made here and nowhere else. They sort by creation time:
/// <c>yyyyMMdd-HHmmss-&lt;label&gt;-&lt;4 hex&gt;</c>, e.g. <c>20261127-061500-cnn-ab12</c>.
/// </summary>
public static class RunId
{
    /// <summary>A new id for a run labelled <paramref name="label"/> (the model, or <c>denoise</c>) created at <paramref name="createdUtc"/>.</summary>
    public static string New(string label, DateTimeOffset createdUtc)
    {
        var safe = new string(label.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        return string.Create(CultureInfo.InvariantCulture,
            $"{createdUtc.UtcDateTime:yyyyMMdd-HHmmss}-{(safe.Length == 0 ? "run" : safe)}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}");
    }

    /// <summary>True when <paramref name="id"/> is safe as a folder name (letters, digits, '-', '_' and '.', not starting with '.').</summary>
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 128 && id[0] != '.' && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
