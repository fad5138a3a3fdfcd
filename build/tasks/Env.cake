Task("Env")
    .Description("Print TorchSharp, libtorch and .NET versions, device, threads and the compat-fix state")
    .Does(() =>
    {
        if (PrestartedEnv.TryPrint()) return;   // build.sh started it already (build/lib/prestarted.cake)
        DotNetExecute(paths.Cli, new ProcessArgumentBuilder().Append("env"));
    });
