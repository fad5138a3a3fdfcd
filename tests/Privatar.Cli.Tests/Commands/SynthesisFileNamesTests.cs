using Privatar.Contracts;
using Privatar.Dpdm.Network;
using Privatar.Generators;
using Xunit;

namespace Privatar.Cli.Tests.Commands;

/// <summary>The step declarations name a set's files (Contracts); the generators write them: both lists must agree.</summary>
public sealed class SynthesisFileNamesTests
{
    [Fact]
    public void Should_Declare_The_Files_The_Generators_Write()
    {
        Assert.Equal([SyntheticSet.ImagesFile, SyntheticSet.LabelsFile, SyntheticSet.GridFile, PrivacyRecord.FileName], SynthesisPaths.SetFileNames);
        Assert.Equal(SyntheticSet.GridFile, SynthesisPaths.SamplesFile);
        Assert.Equal(DenoiserCheckpoint.FileNames, SynthesisPaths.DenoiserFileNames);
    }
}
