using Hw4.Ml.Devices;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Configuration;

/// <summary>Checks <see cref="Hw4Options"/> at start so a typo fails fast with a message naming the setting.</summary>
public sealed class Hw4OptionsValidator : IValidateOptions<Hw4Options>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, Hw4Options options)
    {
        var failures = new List<string>();
        try
        {
            DeviceResolver.Parse(options.Device ?? "");
        }
        catch (ArgumentException e)
        {
            failures.Add($"Hw4:Device: {e.Message}");
        }

        if (options.MaxRequestBodyBytes < 1)
            failures.Add($"Hw4:MaxRequestBodyBytes must be at least 1 (was {options.MaxRequestBodyBytes}).");

        try
        {
            options.DatasetLoad().Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            failures.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Hw4:Dataset{e.ParamName} must be between 1 and {Array.MaxLength:N0} bytes (was {e.ActualValue})."));
        }

        if (!options.Train && !options.UsesPostgres)
            failures.Add("Hw4:Train=false needs Hw4:Postgres: with the embedded SQLite store no other host can train the runs queued here.");

        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            try
            {
                StackExchange.Redis.ConfigurationOptions.Parse(options.Redis);
            }
            catch (ArgumentException e)
            {
                failures.Add($"Hw4:Redis '{options.Redis}' is not a Redis configuration string such as 127.0.0.1:6379: {e.Message}");
            }
        }

        if (options.RunFiles is null)
            failures.Add("Hw4:RunFiles must not be empty.");
        else
            failures.AddRange(options.RunFiles.Problems().Select(p => $"Hw4:RunFiles:{p}"));

        if (string.IsNullOrWhiteSpace(options.ArtifactsDir))
            failures.Add("Hw4:ArtifactsDir must not be empty.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
