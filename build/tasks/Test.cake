#load "../lib/testsummary.cake"

Task("Test")
    .Description("Run the whole test suite (already built in Release by build.sh) and print 'N passed, M failed'")
    .Does(() =>
{
    var results = paths.Artifacts.Combine("test-results");
    CleanDirectory(results);
    try
    {
        DotNetTest(paths.Solution.FullPath, new DotNetTestSettings
        {
            Configuration = "Release",
            NoBuild = true,
            NoRestore = true,
            ResultsDirectory = results,
            Loggers = new[] { "trx", "console;verbosity=normal" },
        });
    }
    finally
    {
        TestSummary.Print(Context, results);
    }
});
