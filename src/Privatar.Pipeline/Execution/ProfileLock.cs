using System.Globalization;
using Privatar.Core;

namespace Privatar.Pipeline.Execution;

/// <summary>A second build of a profile while one is running.</summary>
public sealed class PipelineLockedException(string message) : InvalidOperationException(message);

/// <summary>The lock file could not be created or opened at all (a read-only or missing artifacts tree, a full disk): not contention.</summary>
public sealed class PipelineLockIOException(string message, Exception inner) : IOException(message, inner);

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

    /// <summary>
    /// Takes the lock. Only a lock held by another process is contention (<see cref="PipelineLockedException"/>); any
    /// other failure to create or open the file, or to write the owner file beside it, names the path and the OS error
    /// (<see cref="PipelineLockIOException"/>).
    /// </summary>
    public static ProfileLock Acquire(string path, string profile)
    {
        FileStream stream;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsContention(e))
        {
            var holder = File.Exists(path + OwnerSuffix) ? File.ReadAllText(path + OwnerSuffix).Trim() : "holder unknown";
            throw new PipelineLockedException($"Another build of profile '{profile}' is running ({holder}; lock {path}). " +
                "Wait for it to finish; builds of other profiles may run alongside.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unusable(path, profile, e);
        }
        try
        {
            // The locked file itself cannot be read by others (.NET maps reads to a shared flock), so the
            // holder's identity goes to a sibling file, for the message above.
            AtomicFile.WriteAllText(path + OwnerSuffix, string.Create(CultureInfo.InvariantCulture,
                $"pid {Environment.ProcessId}, started {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}\n"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream.Dispose();
            throw Unusable(path + OwnerSuffix, profile, e);
        }
        return new ProfileLock(stream);
    }

    // .NET reports a lock held elsewhere as an IOException with EWOULDBLOCK (flock) or a sharing violation (Windows).
    static bool IsContention(IOException e) =>
        e.GetType() == typeof(IOException) && (e.HResult & 0xFFFF) is 11 or 35 or 32 or 33;

    static PipelineLockIOException Unusable(string path, string profile, Exception e) =>
        new($"Cannot lock profile '{profile}': {path}: {e.Message} The profile tree must be writable; this is not another build running.", e);

    public void Dispose() => _stream.Dispose();
}
