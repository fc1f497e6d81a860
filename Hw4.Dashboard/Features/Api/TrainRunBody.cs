using Hw4.Dashboard.Features.Training;
using Hw4.Ml.Models;

namespace Hw4.Dashboard.Features.Api;

/// <summary>
/// The body of <c>POST /api/runs</c>. Every field is optional and defaults to the homework's recipe; validation is
/// <see cref="TrainSettings"/>' own, so the Train page and the API accept exactly the same requests. Unknown fields are
/// refused when the body is read.
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
    /// <summary>The settings' property name → this body's JSON field name, so messages name what the caller sent.</summary>
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        [nameof(TrainSettings.Model)] = "model",
        [nameof(TrainSettings.Epochs)] = "epochs",
        [nameof(TrainSettings.BatchSize)] = "batchSize",
        [nameof(TrainSettings.LearningRate)] = "lr",
        [nameof(TrainSettings.Seed)] = "seed",
        [nameof(TrainSettings.Augment)] = "augment",
        [nameof(TrainSettings.Limit)] = "limit",
        [nameof(TrainSettings.ValidationSize)] = "valSize",
    };

    /// <summary>The filled and validated settings, or the errors keyed by JSON field name (each message names the field).</summary>
    public (TrainSettings? Settings, Dictionary<string, string[]> Errors) Validate()
    {
        var settings = new TrainSettings();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Model is not null)
        {
            try
            {
                settings.Model = ModelFactory.ParseKind(Model);
            }
            catch (ArgumentException)
            {
                // The value is not echoed: a body may be large or crafted.
                errors["model"] = ["Model must be cnn or residual."];
            }
        }

        settings.Epochs = Epochs ?? settings.Epochs;
        settings.BatchSize = BatchSize ?? settings.BatchSize;
        settings.LearningRate = Lr ?? settings.LearningRate;
        settings.Seed = Seed ?? settings.Seed;
        settings.Augment = Augment ?? settings.Augment;
        settings.Limit = Limit;
        settings.ValidationSize = ValSize;

        foreach (var result in settings.Validate())
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                var field = FieldNames.GetValueOrDefault(member, member);
                errors[field] = [.. errors.GetValueOrDefault(field, []), result.ErrorMessage ?? $"{field} is invalid."];
            }
        }

        return (errors.Count == 0 ? settings : null, errors);
    }
}
