namespace Privatar.Pipeline.Tests.Fixtures;

/// <summary>The repository this test assembly was built from (the folder holding Privatar.slnx).</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Privatar.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Privatar.slnx above {AppContext.BaseDirectory}.");
    }

    public static string Of(string relative) => Path.Combine(Root, relative);
}
