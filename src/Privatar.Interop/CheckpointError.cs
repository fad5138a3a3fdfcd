namespace Privatar.Interop;

/// <summary>A PyTorch file that cannot be used: the message names the file and the first thing wrong with it.</summary>
static class CheckpointError
{
    public static InvalidDataException Of(string path, string problem, Exception? inner = null) => new($"{path}: {problem}", inner);
}
