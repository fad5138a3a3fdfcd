using Xunit;

// Training draws dropout and initialisation from libtorch's process-wide generator. A pipeline unit owns
// its process; in this assembly two test classes training at once would share that generator and break
// the same-seed determinism the TSTR tests check, so the classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
