// libtorch's global generator and thread count are process-wide: tests that sample latents (training, test, noisy
// inference) must not interleave, or each consumes the others' random numbers.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
