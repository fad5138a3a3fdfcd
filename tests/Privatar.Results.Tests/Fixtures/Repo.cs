namespace Privatar.Results.Tests;

/// <summary>Paths inside the repository, found from the test binary's folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string FixtureResults => Path.Combine(Root, "tests", "fixtures", "results");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Privatar.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Privatar.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh temporary directory, deleted when disposed.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("privatar-results-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
