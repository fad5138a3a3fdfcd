using Xunit;

// The VAEs sample with libtorch's global generator (randn_like, as the original does). Tests running in parallel
// would interleave their draws and make each other's numbers depend on scheduling; serial runs are reproducible.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
