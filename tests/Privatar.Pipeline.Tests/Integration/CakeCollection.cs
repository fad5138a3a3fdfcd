using Xunit;

namespace Privatar.Pipeline.Tests.Integration;

/// <summary>Cake-driven tests run one at a time: they share Cake's script cache and two CPU cores.</summary>
[CollectionDefinition("Cake", DisableParallelization = true)]
public sealed class CakeCollection;
