using Hw4.Dashboard.Configuration;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Configuration;

namespace Hw4.Dashboard.Tests.Configuration;

/// <summary>The caps on run-folder files are configuration (<c>Hw4:RunFiles:*</c>), bound and checked at start.</summary>
public sealed class RunFileLimitsConfigurationTests
{
    private static Hw4Options Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var options = new Hw4Options();
        configuration.GetSection(Hw4Options.Section).Bind(options);
        return options;
    }

    [Fact]
    public void Bind_Settings_ReachTheLimitsAndTheRestKeepTheirDefaults()
    {
        var options = Bind(("Hw4:RunFiles:RunJsonBytes", "65536"), ("Hw4:RunFiles:MetricsLineBytes", "8192"));

        Assert.Equal(65536, options.RunFiles.RunJsonBytes);
        Assert.Equal(8192, options.RunFiles.MetricsLineBytes);
        Assert.Equal(RunFileLimits.Default.MetricsBytes, options.RunFiles.MetricsBytes);
        Assert.Equal(1L << 20, RunFileLimits.Default.RunJsonBytes);
        Assert.True(new Hw4OptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("Hw4:RunFiles:RunJsonBytes", "0", "Hw4:RunFiles:RunJsonBytes must be between 1,024 and")]
    [InlineData("Hw4:RunFiles:MetricsBytes", "-5", "Hw4:RunFiles:MetricsBytes must be between 1,024 and")]
    [InlineData("Hw4:RunFiles:SharesBytes", "99999999999999", "(was 99,999,999,999,999)")]
    public void Validate_CapOutOfRange_FailsTheStartNamingTheSetting(string key, string value, string expected)
    {
        var result = new Hw4OptionsValidator().Validate(null, Bind((key, value)));

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(expected, StringComparison.Ordinal));
    }
}
