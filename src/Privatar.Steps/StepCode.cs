using Privatar.Pipeline.Hashing;

namespace Privatar.Steps;

/// <summary>
/// What each step's outputs depend on, by project: the projects its units call (their references follow from the
/// .csproj files, see <see cref="CodeSources"/>), the CLI files of its verbs, and the step's own declaration. The CLI is
/// the one project named by file: it references every project, so naming it whole would rerun every step whenever any
/// verb changed.
/// </summary>
public static class StepCode
{
    /// <summary>Option parsing and contract binding: every verb's command line goes through them.</summary>
    static readonly string[] CliCore = ["src/Privatar.Cli/CliRunner.cs", "src/Privatar.Cli/ContractCommand.cs"];

    /// <summary>A step whose units run <c>privatar</c> verbs: the projects they call and the verbs' command files.</summary>
    public static string[] Verbs(string step, string[] projects, params string[] commands) => VerbsDeclaredIn(Declaration(step), projects, commands);

    /// <summary>As <see cref="Verbs"/>, for steps declared together in one file (the synthesis benchmark's).</summary>
    public static string[] VerbsDeclaredIn(string declarationFile, string[] projects, params string[] commands) =>
        [.. projects.Select(CodeSources.Project), .. CliCore, .. commands.Select(c => $"src/Privatar.Cli/Commands/{c}.cs"), declarationFile];

    /// <summary>A step whose units run in the build process: the projects they call and the step's own files.</summary>
    public static string[] InProcess(string step, string[] projects, params string[] stepFiles) =>
        [.. projects.Select(CodeSources.Project), .. stepFiles, Declaration(step)];

    static string Declaration(string step) => $"src/Privatar.Steps/{step}Step.cs";

    /// <summary>The avatar verbs (<c>privatar vae …</c>) share their group's set-up of device and threads.</summary>
    public static string[] Vae(string step, params string[] commands) => Verbs(step, ["Privatar.Training", "Privatar.Contracts"], ["VaeCommand", .. commands]);
}
