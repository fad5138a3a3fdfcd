// `privatar env` loads libtorch, about a second. build.sh may have started it already, beside Cake's own start-up, with
// its output in a folder named by PRIVATAR_ENV_REPORT (out, err, then rc): this prints those bytes as the process
// wrote them and fails on its exit code as DotNetExecute would. Without that folder, or when its process went away
// without an exit code, the task runs the command itself.
public static class PrestartedEnv
{
    public const string Variable = "PRIVATAR_ENV_REPORT";

    public static bool TryPrint()
    {
        var dir = System.Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(dir) || !System.IO.Directory.Exists(dir)) return false;
        try
        {
            var rc = System.IO.Path.Combine(dir, "rc");
            while (!System.IO.File.Exists(rc))
            {
                if (!Running(System.IO.Path.Combine(dir, "pid")) && !System.IO.File.Exists(rc)) return false;
                System.Threading.Thread.Sleep(10);
            }
            Copy(System.IO.Path.Combine(dir, "out"), System.Console.OpenStandardOutput());
            Copy(System.IO.Path.Combine(dir, "err"), System.Console.OpenStandardError());
            var code = int.Parse(System.IO.File.ReadAllText(rc).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            if (code != 0) throw new CakeException($".NET CLI: Process returned an error (exit code {code}).");
            return true;
        }
        finally { System.IO.Directory.Delete(dir, recursive: true); }
    }

    static void Copy(string file, System.IO.Stream to)
    {
        System.Console.Out.Flush();
        System.Console.Error.Flush();
        using (var from = System.IO.File.OpenRead(file)) from.CopyTo(to);
        to.Flush();
    }

    // The background shell that runs the command and writes rc; a zombie (exited, not yet reaped) counts as gone.
    static bool Running(string pidFile)
    {
        var pid = System.IO.File.Exists(pidFile) ? System.IO.File.ReadAllText(pidFile).Trim() : "";
        var stat = $"/proc/{pid}/stat";
        if (pid.Length == 0 || !System.IO.File.Exists(stat)) return false;
        var fields = System.IO.File.ReadAllText(stat);
        var state = fields.LastIndexOf(')') is var i and >= 0 && i + 2 < fields.Length ? fields[i + 2] : 'Z';
        return state != 'Z' && state != 'X';
    }
}
