// decoder latency and FLOPs per configuration and path, then users supported
// (src/Privatar.Steps/LatencyStep.cs -> privatar vae latency / capacity). Its CSVs are measurements, not reproducible bytes.
Task("Latency")
    .Description("Time every configuration's decoder paths at batch 1 and compute users supported ([latency], [capacity])")
    .Does<PipelineSession>(p => p.Run("Latency"));
