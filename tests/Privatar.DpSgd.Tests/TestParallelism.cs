using Xunit;

// MNIST runs and canary audits seed libtorch's process-wide generator (a pipeline unit owns its process). Two test
// classes training at once in this assembly would interleave their draws on it, and the same-seed runs that must
// give identical files would differ (seen in CI: the DP run's metrics.csv differed in its first row), so the classes
// run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
