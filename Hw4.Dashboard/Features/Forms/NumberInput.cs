using System.Globalization;

namespace Hw4.Dashboard.Features.Forms;

/// <summary>
/// One numeric field's state: the text as typed, and either the value it will use or why it is refused. The page keeps
/// these, <c>NumberField</c> shows and edits one, and nothing computes while any of a form's inputs is refused.
/// </summary>
public sealed class NumberInput
{
    /// <summary>An input holding <paramref name="initial"/> (null: empty) under <paramref name="rule"/>.</summary>
    public NumberInput(NumberRule rule, double? initial)
    {
        Rule = rule ?? throw new ArgumentNullException(nameof(rule));
        Set(initial is { } v ? NumberText.Format(v) : "");
    }

    /// <summary>What it accepts.</summary>
    public NumberRule Rule { get; }

    /// <summary>The text as typed.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The value it will use (null: empty, allowed by an optional rule), meaningful only when <see cref="IsValid"/>.</summary>
    public double? Value { get; private set; }

    /// <summary>Why the text is refused; null when it is accepted.</summary>
    public string? Error { get; private set; }

    /// <summary>The text is accepted.</summary>
    public bool IsValid => Error is null;

    /// <summary>The value as an int (whole-number rules keep to the int range through their [Range]).</summary>
    public int? IntValue => Value is { } v ? checked((int)v) : null;

    /// <summary>"uses …": the value the form will use, in words, or null while refused.</summary>
    public string? UsesText => !IsValid ? null
        : Value is { } v ? $"uses {v.ToString(Rule.Integer ? "0" : "G6", CultureInfo.InvariantCulture)}"
        : Rule.EmptyMeaning is { } meaning ? $"uses {meaning}" : null;

    /// <summary>Takes <paramref name="text"/> as typed and parses it.</summary>
    public void Set(string? text)
    {
        Text = text ?? "";
        NumberText.TryParse(Text, Rule, out var value, out var error);
        (Value, Error) = (value, error);
    }
}
