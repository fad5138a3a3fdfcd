// Sums the TRX files of a test run into the plain closing line 'N passed, M failed'.
public static class TestSummary
{
    public static void Print(ICakeContext ctx, DirectoryPath results)
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (var trx in ctx.GetFiles(results.FullPath + "/**/*.trx"))
        {
            var counters = System.Xml.Linq.XDocument.Load(trx.FullPath).Descendants()
                .First(e => e.Name.LocalName == "Counters");
            int Read(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            passed += Read("passed");
            failed += Read("failed") + Read("error") + Read("timeout") + Read("aborted");
            skipped += Read("notExecuted");
        }
        var line = $"{passed} passed, {failed} failed" + (skipped > 0 ? $", {skipped} skipped" : "");
        CakePipelineLog.Write(ctx, Verbosity.Minimal, LogLevel.Information, line);   // plain when not a terminal: tools read this line
    }
}
