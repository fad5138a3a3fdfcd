using System.Globalization;
using System.Text;

namespace Privatar.Pipeline.Execution;

/// <summary>A second build of a profile while one is running.</summary>
public sealed class PipelineLockedException(string message) : InvalidOperationException(message);

/// <summary>
/// One build per profile at a time: an exclusive OS lock (flock on Unix) on
/// <c>artifacts/&lt;profile&gt;/.pipeline/lock</c>. The OS drops it when the holder exits, even on
/// SIGKILL, so a dead build never leaves a lock behind. The file holds the holder's pid for the message.
/// </summary>
public sealed class ProfileLock : IDisposable
{
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
            string holder;
            try { holder = File.ReadAllText(path).Trim(); } catch (IOException) { holder = "unknown process"; }
            throw new PipelineLockedException($"Another build of profile '{profile}' is running ({holder}; lock {path}). " +
                "Wait for it to finish; builds of other profiles may run alongside.");
        }
        stream.SetLength(0);
        stream.Write(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId}, started {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}\n")));
        stream.Flush();
        return new ProfileLock(stream);
    }

    public void Dispose() => _stream.Dispose();
}
