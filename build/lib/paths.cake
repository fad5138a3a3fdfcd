// Where things are. Cake runs with build/ as its working directory, so the root is its parent.
public sealed record BuildPaths(DirectoryPath Root, FilePath Solution, FilePath Cli, DirectoryPath Artifacts)
{
    public static BuildPaths From(ICakeContext ctx)
    {
        var root = ctx.MakeAbsolute(ctx.Directory("..")).Collapse();
        return new BuildPaths(
            root,
            root.CombineWithFilePath("Privatar.slnx"),
            root.CombineWithFilePath("src/Privatar.Cli/bin/Release/net10.0/privatar.dll"),
            root.Combine("artifacts"));
    }
}
