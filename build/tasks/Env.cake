Task("Env")
    .Description("Print TorchSharp, libtorch and .NET versions, device, threads and the compat-fix state")
    .Does(() => DotNetExecute(paths.Cli, new ProcessArgumentBuilder().Append("env")));
