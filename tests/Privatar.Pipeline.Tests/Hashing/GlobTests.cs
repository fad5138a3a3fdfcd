using Privatar.Pipeline.Hashing;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Hashing;

public sealed class GlobTests
{
    public sealed class TheMatchesMethod
    {
        [Theory]
        [InlineData("src/*.cs", "src/A.cs", true)]
        [InlineData("src/*.cs", "src/x/A.cs", false)]
        [InlineData("src/**/*.cs", "src/A.cs", true)]
        [InlineData("src/**/*.cs", "src/x/y/A.cs", true)]
        [InlineData("a/item_?.txt", "a/item_1.txt", true)]
        [InlineData("a/item_?.txt", "a/item_10.txt", false)]
        [InlineData("a/b.txt", "a/b.txt", true)]
        public void Should_Match_Like_A_Shell_With_Globstar(string pattern, string path, bool expected) =>
            Assert.Equal(expected, Glob.Matches(pattern, path));
    }

    public sealed class TheExpandMethod
    {
        [Fact]
        public void Should_List_Matching_Files_In_Ordinal_Order()
        {
            using var s = new Scratch().Write("src/B.cs", "").Write("src/a/A.cs", "").Write("src/C.txt", "");
            Assert.Equal(["src/B.cs", "src/a/A.cs"], Glob.Expand(s.Root, "src/**/*.cs"));
            Assert.Empty(Glob.Expand(s.Root, "nowhere/*.cs"));
        }
    }
}
