using System.Globalization;
using Privatar.Core;

namespace Privatar.Pipeline.Execution;

/// <summary>A second build of a profile while one is running.</summary>
public sealed class PipelineLockedException(string message) : InvalidOperationException(message);

/// <summary>
/// One build per profile at a time: an exclusive OS lock (flock on Unix) on
/// <c>artifacts/&lt;profile&gt;/.pipeline/lock</c>. The OS drops it when the holder exits, even on
/// SIGKILL, so a dead build never leaves a lock behind.
/// </summary>
public sealed class ProfileLock : IDisposable
{
    const string OwnerSuffix = ".owner";
    readonly FileStream _stream;

    ProfileLock(FileStream stream) => _stream = stream;

    public static ProfileLock Acquire(string path, string profile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var holder = File.Exists(path + OwnerSuffix) ? File.ReadAllText(path + OwnerSuffix).Trim() : "holder unknown";
            throw new PipelineLockedException($"Another build of profile '{profile}' is running ({holder}; lock {path}). " +
                "Wait for it to finish; builds of other profiles may run alongside.");
        }
        // The locked file itself cannot be read by others (.NET maps reads to a shared flock), so the
        // holder's identity goes to a sibling file, for the message above.
        AtomicFile.WriteAllText(path + OwnerSuffix, string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId}, started {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}\n"));
        return new ProfileLock(stream);
    }

    public void Dispose() => _stream.Dispose();
}
