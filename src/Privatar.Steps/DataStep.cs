using System.Globalization;
using System.Text;
using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Core;
using Privatar.Data.Generator;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Hashing;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// The procedural Multiface subject from [data], written in the real layout under artifacts/&lt;profile&gt;/data/subject,
/// plus a manifest (path, size, xxHash128 per file) that later steps depend on instead of the thousands of files.
/// Runs in-process (the generator is TorchSharp-free) from <c>privatar data generate</c>'s contract
/// (<see cref="DataGenerateArgs"/>), so the verb run by hand with the same profile writes the same subject. Every
/// generated file is declared, so strict mode checks the list.
/// </summary>
public static class DataStep
{
    public static StepSpec Spec => new("Data", "Generate the procedural Multiface subject for the profile ([data])")
    {
        Code = StepCode.InProcess("Data", ["Privatar.Data"]),
        Params = [.. VerbCommand.Params<DataGenerateArgs>()],
        Units = ctx =>
        {
            var subject = AvatarSteps.Subject(ctx);
            var cfg = Config(ctx.Params, subject);
            var files = MultifaceGenerator.OutputFiles(cfg).Select(f => $"{subject}/{f}").ToList();
            return [new UnitSpec("subject")
            {
                Outputs = [.. files, AvatarSteps.Manifest(ctx)],
                Command = UnitCommand.InProcess(u =>
                {
                    var root = u.PathOf(subject);
                    // The engine pre-creates the output folders; the generator refuses a non-empty root it did not mark.
                    if (Directory.Exists(root) && !Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any()) Directory.Delete(root, true);
                    var result = MultifaceGenerator.Generate(Config(u.Params, root), root);
                    u.Log.Info($"wrote {result.Frames} frames x {result.Cameras} cameras = {result.Samples} samples");
                    var manifest = new StringBuilder("# path\tsize\txxh128\n");
                    foreach (var f in files)
                    {
                        var info = new FileInfo(u.PathOf(f));
                        manifest.Append(CultureInfo.InvariantCulture, $"{f}\t{info.Length}\t{FileHasher.HashFile(info.FullName)}\n");
                    }
                    AtomicFile.WriteAllText(u.PathOf(AvatarSteps.Manifest(ctx)), manifest.ToString());
                }),
            }];
        },
    };

    /// <summary>The generator settings of <c>privatar data generate</c>'s contract, filled from the unit's declared keys.</summary>
    static GeneratorConfig Config(ParamValues p, string root) =>
        GeneratorConfig.From(ContractCodec.Fill(new DataGenerateArgs { Root = root }, k => p.Declares(k) ? p.Text(k) : null));
}
