using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Hw4.Dashboard.Features.Forms;

/// <summary>
/// What a numeric field accepts: a closed range, whole numbers only or not, and whether it may be left empty (and what
/// empty then means). <see cref="For{TModel}"/> reads the range from the model's <see cref="RangeAttribute"/>, so the
/// page and the model (which the API validates too) cannot disagree.
/// </summary>
public sealed record NumberRule(string Name, double Min, double Max, bool Integer, bool Optional = false, string? RangeMessage = null, string? EmptyMeaning = null)
{
    /// <summary>The rule of <typeparamref name="TModel"/>'s property <paramref name="property"/> (an int, int? or double with a [Range]).</summary>
    public static NumberRule For<TModel>(string property, string name, string? emptyMeaning = null)
    {
        var info = typeof(TModel).GetProperty(property) ?? throw new ArgumentException($"{typeof(TModel).Name} has no property {property}.", nameof(property));
        var range = info.GetCustomAttribute<RangeAttribute>() ?? throw new ArgumentException($"{typeof(TModel).Name}.{property} has no [Range].", nameof(property));
        var type = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;
        return new NumberRule(
            name,
            Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture),
            Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture),
            Integer: type == typeof(int) || type == typeof(long),
            Optional: Nullable.GetUnderlyingType(info.PropertyType) is not null,
            // Formatted ({1} and {2} are the bounds), so a message never repeats a number the attribute already holds.
            RangeMessage: range.ErrorMessage is null ? null : range.FormatErrorMessage(name),
            EmptyMeaning: emptyMeaning);
    }
}
