using Privatar.Core;
using static TorchSharp.torch;

namespace Privatar.Torch;

/// <summary>
/// A module's state dict on disk. TorchSharp's <c>Module.save</c> closes the stream it is given, so the bytes go to
/// memory first and then to the file atomically.
/// </summary>
public static class ModuleFiles
{
    /// <summary>The state dict's bytes, for a writer that runs after the module is disposed.</summary>
    public static byte[] Bytes(nn.Module model)
    {
        var buffer = new MemoryStream();
        model.save(buffer);
        return buffer.ToArray();
    }

    public static void Save(string path, nn.Module model) => AtomicFile.WriteAllBytes(path, Bytes(model));
}
