using System.Globalization;
using System.Security.Cryptography;
using Hw4.Ml.Models;

namespace Hw4.Ml.Runs;

/// <summary>Run identifiers that sort by creation time: <c>yyyyMMdd-HHmmss-&lt;model&gt;-&lt;4 hex&gt;</c>, e.g. <c>20261127-061500-cnn-ab12</c>.</summary>
public static class RunId
{
    /// <summary>A new id for a run of <paramref name="model"/> created at <paramref name="createdUtc"/>.</summary>
    public static string New(ModelKind model, DateTimeOffset createdUtc) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{createdUtc.UtcDateTime:yyyyMMdd-HHmmss}-{model.ToString().ToLowerInvariant()}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}");

    /// <summary>True when <paramref name="id"/> is safe as a folder name (letters, digits, '-', '_' and '.', not starting with '.').</summary>
    public static bool IsValid(string id) =>
        !string.IsNullOrEmpty(id) && id[0] != '.' && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
