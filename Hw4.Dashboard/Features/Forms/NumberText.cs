using System.Globalization;

namespace Hw4.Dashboard.Features.Forms;

/// <summary>
/// Parses what a person types into a numeric field, the same in every browser locale: invariant culture (a point for
/// decimals, no thousands separators), an optional sign and exponent (<c>1e-3</c>, <c>0.0001</c>, <c>1e3</c>), finite
/// values only, whole numbers where the rule says so, inside the rule's range. Nothing is rounded or clamped: a value
/// that is not exactly what was typed is refused with a reason.
/// </summary>
public static class NumberText
{
    /// <summary>
    /// The value of <paramref name="text"/> under <paramref name="rule"/>, or why it is refused. Empty text is a null value
    /// where the rule is optional.
    /// </summary>
    public static bool TryParse(string? text, NumberRule rule, out double? value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(rule);
        value = null;
        error = null;
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            if (rule.Optional)
                return true;
            error = $"{rule.Name} is required.";
            return false;
        }

        if (!double.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed))
        {
            error = $"{rule.Name}: \"{Shorten(trimmed)}\" is not a number (digits, a point, an optional exponent such as 1e-3).";
            return false;
        }

        if (rule.Integer && parsed != Math.Floor(parsed))
        {
            error = $"{rule.Name} must be a whole number.";
            return false;
        }

        if (parsed < rule.Min || parsed > rule.Max)
        {
            error = rule.RangeMessage ?? $"{rule.Name} must be between {Format(rule.Min)} and {Format(rule.Max)}.";
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary><paramref name="value"/> as the field shows it: invariant, shortest round-trip form.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
