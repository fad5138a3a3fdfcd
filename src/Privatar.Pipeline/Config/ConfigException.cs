namespace Privatar.Pipeline.Config;

/// <summary>
/// A malformed or inconsistent experiment configuration. The message always names where the value
/// came from (file and line, or the command line), the key, and the form that was expected.
/// </summary>
public sealed class ConfigException(string message) : FormatException(message);
