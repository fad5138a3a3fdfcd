// Compiled into each results-layer test project (Results, Figures, Reporting) through a linked <Compile>.
namespace Privatar.Tests.Shared;

/// <summary>Paths inside the repository, found from the test binary's folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string FixtureResults => Path.Combine(Root, "tests", "fixtures", "results");
    /// <summary>The fixture synthesis sets' sample grids, beside results/ as in a profile's artifacts.</summary>
    public static string FixtureSynthesis => Path.Combine(Root, "tests", "fixtures", "synthesis");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Privatar.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Privatar.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh temporary directory, deleted when disposed.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("privatar-tests-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

/// <summary>A writable copy of the fixture result tables.</summary>
public sealed class FixtureCopy : IDisposable
{
    readonly Repo.TempDir _dir = new();

    public FixtureCopy()
    {
        Directory.CreateDirectory(Results);
        foreach (var f in Directory.GetFiles(Repo.FixtureResults, "*.csv")) File.Copy(f, Path.Combine(Results, Path.GetFileName(f)));
        // the reconstruction grid's tiles (PNG), referenced relative to the results folder
        foreach (var dir in Directory.GetDirectories(Repo.FixtureResults))
        {
            var to = Directory.CreateDirectory(Path.Combine(Results, Path.GetFileName(dir))).FullName;
            foreach (var f in Directory.GetFiles(dir, "*.png")) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
        foreach (var f in Directory.GetFiles(Repo.FixtureSynthesis, "*.png", SearchOption.AllDirectories))
        {
            var to = Path.Combine(_dir.Path, "synthesis", Path.GetRelativePath(Repo.FixtureSynthesis, f));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(f, to);
        }
    }

    public string Results => Path.Combine(_dir.Path, "results");
    public string Figures => Path.Combine(_dir.Path, "figures");
    public void Dispose() => _dir.Dispose();
}
