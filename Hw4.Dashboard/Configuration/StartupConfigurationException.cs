namespace Hw4.Dashboard.Configuration;

/// <summary>A setting that cannot work on this machine; the host prints its one-line message and exits with code 2.</summary>
public sealed class StartupConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
