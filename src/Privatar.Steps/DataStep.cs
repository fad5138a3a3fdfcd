using System.Globalization;
using System.Text;
using Privatar.Core;
using Privatar.Data.Generator;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Hashing;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// The procedural Multiface subject from [data], written in the real layout under artifacts/&lt;profile&gt;/data/subject,
/// plus a manifest (path, size, xxHash128 per file) that later steps depend on instead of the thousands of files.
/// Runs in-process (the generator is TorchSharp-free). Every generated file is declared, so strict mode checks the list.
/// </summary>
public static class DataStep
{
    static readonly string[] Keys = ["seed", "texture_size", "photo_width", "photo_height", "mesh_rows", "mesh_cols", "expressions", "frames_per_expression", "rom_frames", "cameras"];

    public static StepSpec Spec => new("Data", "Generate the procedural Multiface subject for the profile ([data])")
    {
        Code = StepCode.InProcess("Data", ["Privatar.Data"]),
        Params = [.. Keys.Select(k => k == "seed" ? P.Int("data.seed").AtLeast(0) : P.Int("data." + k).AtLeast(1)), P.Int("runtime.threads").Unstamped()],
        Units = ctx =>
        {
            var cfg = Config(ctx.Params);
            var subject = AvatarSteps.Subject(ctx);
            var files = MultifaceGenerator.OutputFiles(cfg).Select(f => $"{subject}/{f}").ToList();
            return [new UnitSpec("subject")
            {
                Outputs = [.. files, AvatarSteps.Manifest(ctx)],
                Command = UnitCommand.InProcess(u =>
                {
                    var root = u.PathOf(subject);
                    // The engine pre-creates the output folders; the generator refuses a non-empty root it did not mark.
                    if (Directory.Exists(root) && !Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any()) Directory.Delete(root, true);
                    var result = MultifaceGenerator.Generate(Config(u.Params), root);
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

    static GeneratorConfig Config(ParamValues p) => new()
    {
        Seed = p.Int("data.seed"), TextureSize = p.Int("data.texture_size"), PhotoWidth = p.Int("data.photo_width"),
        PhotoHeight = p.Int("data.photo_height"), MeshRows = p.Int("data.mesh_rows"), MeshCols = p.Int("data.mesh_cols"),
        Expressions = p.Int("data.expressions"), FramesPerExpression = p.Int("data.frames_per_expression"),
        RomFrames = p.Int("data.rom_frames"), Cameras = p.Int("data.cameras"), Threads = p.Int("runtime.threads"),
    };
}
