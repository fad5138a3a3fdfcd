using Xunit;

// Generators initialise their networks from libtorch's process-wide generator (as a pipeline unit, which owns its
// process, may); two test classes training at once would share it and break the same-seed checks, so classes run in turn.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
