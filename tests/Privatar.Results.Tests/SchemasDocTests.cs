using Xunit;

namespace Privatar.Results.Tests;

public sealed class SchemasDocTests
{
    [Fact]
    public void Should_List_Every_File_And_Column_In_Order()
    {
        // Given the contract document step authors read
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "src", "Privatar.Results", "SCHEMAS.md"));
        foreach (var family in ResultFamilies.All)
        {
            // Then each family has a section whose header line is exactly the CSV header
            Assert.Contains($"## `{family.FileName}`", doc);
            Assert.Contains($"`{string.Join(",", family.Columns)}`", doc);
        }
    }
}
