using System.ComponentModel.DataAnnotations;
using Hw4.Dashboard.Components.Pages.Train;
using Hw4.Ml.Models;

namespace Hw4.Dashboard.Features.Api;

/// <summary>
/// The body of <c>POST /api/runs</c>. Every field is optional and defaults to the Train form's value; validation is the
/// form's own (its data annotations), so the page and the API accept exactly the same requests.
/// </summary>
public sealed record TrainRunBody(
    string? Model = null,
    int? Epochs = null,
    int? BatchSize = null,
    double? Lr = null,
    int? Seed = null,
    bool? Augment = null,
    int? Limit = null,
    int? ValSize = null)
{
    /// <summary>The form's property name → this body's JSON field name, so messages name what the caller sent.</summary>
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        [nameof(TrainForm.Model)] = "model",
        [nameof(TrainForm.Epochs)] = "epochs",
        [nameof(TrainForm.BatchSize)] = "batchSize",
        [nameof(TrainForm.LearningRate)] = "lr",
        [nameof(TrainForm.Seed)] = "seed",
        [nameof(TrainForm.Augment)] = "augment",
        [nameof(TrainForm.Limit)] = "limit",
        [nameof(TrainForm.ValidationSize)] = "valSize",
    };

    /// <summary>
    /// The filled and validated form, or the errors keyed by JSON field name (each message names the field).
    /// </summary>
    public (TrainForm? Form, Dictionary<string, string[]> Errors) Validate()
    {
        var form = new TrainForm();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Model is not null)
        {
            try
            {
                form.Model = ModelFactory.ParseKind(Model);
            }
            catch (ArgumentException)
            {
                errors["model"] = [$"Model must be cnn or residual (got '{Model}')."];
            }
        }

        form.Epochs = Epochs ?? form.Epochs;
        form.BatchSize = BatchSize ?? form.BatchSize;
        form.LearningRate = Lr ?? form.LearningRate;
        form.Seed = Seed ?? form.Seed;
        form.Augment = Augment ?? form.Augment;
        form.Limit = Limit;
        form.ValidationSize = ValSize;

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                var field = FieldNames.GetValueOrDefault(member, member);
                errors[field] = [.. errors.GetValueOrDefault(field, []), result.ErrorMessage ?? $"{field} is invalid."];
            }
        }

        return (errors.Count == 0 ? form : null, errors);
    }
}
