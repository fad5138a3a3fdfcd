using Privatar.Pipeline.Hashing;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Hashing;

public sealed class FileHasherTests
{
    public sealed class TheHashMethod : IDisposable
    {
        readonly Scratch _s = new();
        public void Dispose() => _s.Dispose();

        FileHasher Hasher() => new(_s.Root, _s.PathOf("cache/hashes.tsv"));

        [Fact]
        public void Should_Return_The_Reference_XXH3_128_Of_Known_Content()
        {
            // XXH3-128 of the empty input, from the xxHash reference implementation.
            _s.Write("empty.bin", "");
            Assert.Equal("99aa06d3014798d86001c324468d497f", Hasher().Hash("empty.bin").Hash);
        }

        [Fact]
        public void Should_Not_Rehash_A_File_Whose_Size_And_Mtime_Predate_Its_Cache_Entry()
        {
            // Given a file last written well before it was hashed
            _s.Write("big.bin", "checkpoint");
            File.SetLastWriteTimeUtc(_s.PathOf("big.bin"), DateTime.UtcNow.AddMinutes(-5));
            var first = Hasher();
            var hash = first.Hash("big.bin");
            first.Save();

            // When a new build reads the cache
            var second = Hasher();
            var again = second.Hash("big.bin");

            // Then it trusts the entry
            Assert.Equal(hash, again);
            Assert.Equal(0, second.Hashed);
        }

        [Fact]
        public void Should_Rehash_An_Edit_With_The_Same_Size_And_Mtime_Made_Within_The_Racy_Window()
        {
            _s.Write("out.txt", "aaaa");
            var when = File.GetLastWriteTimeUtc(_s.PathOf("out.txt"));
            var first = Hasher();
            var before = first.Hash("out.txt");
            first.Save();

            _s.Write("out.txt", "bbbb");
            File.SetLastWriteTimeUtc(_s.PathOf("out.txt"), when);
            var after = Hasher().Hash("out.txt");

            Assert.NotEqual(before.Hash, after.Hash);
            Assert.Equal(4, after.Size);
        }

        [Fact]
        public void Should_Ignore_A_Corrupt_Cache_Line()
        {
            _s.Write("a.txt", "a").Write("cache/hashes.tsv", "a.txt\tnot-a-size\n");
            var h = Hasher();
            Assert.Equal(FileHasher.HashFile(_s.PathOf("a.txt")), h.Hash("a.txt").Hash);
            Assert.Equal(1, h.Hashed);
        }
    }
}
