using Privatar.Pipeline.Stamps;
using Xunit;

namespace Privatar.Pipeline.Tests.Stamps;

public sealed class StampSerializerTests
{
    static Stamp Sample(Dictionary<string, string>? env = null) => new("Train", "partition_10", "c0de", "privatar train --n 10",
        new Dictionary<string, string> { ["train.lr"] = "0.001", ["runtime.seed"] = "7" },
        [new StampedFile("b.npy", "bb", 2), new StampedFile("a.npy", "aa", 1)],
        [new StampedFile("out/m.ckpt", "cc", 3)], 12.34567, env ?? []);

    public sealed class TheSerializeMethod
    {
        [Fact]
        public void Should_Write_Fields_In_Order_Sorted_Sections_And_Omit_Empty_Ones()
        {
            var json = StampSerializer.Serialize(Sample());
            Assert.Equal("""
                {
                  "schema": "1",
                  "step": "Train",
                  "unit": "partition_10",
                  "code": "c0de",
                  "cmd": "privatar train --n 10",
                  "params": {
                    "runtime.seed": "7",
                    "train.lr": "0.001"
                  },
                  "deps": [
                    {
                      "path": "a.npy",
                      "xxh128": "aa",
                      "size": 1
                    },
                    {
                      "path": "b.npy",
                      "xxh128": "bb",
                      "size": 2
                    }
                  ],
                  "outs": [
                    {
                      "path": "out/m.ckpt",
                      "xxh128": "cc",
                      "size": 3
                    }
                  ],
                  "wall_seconds": 12.346
                }

                """, json);
        }

        [Fact]
        public void Should_Round_Trip()
        {
            var stamp = Sample(new() { ["os"] = "linux" });
            var back = StampSerializer.Parse(StampSerializer.Serialize(stamp), "x.json");
            Assert.Equal(StampSerializer.Serialize(stamp), StampSerializer.Serialize(back));
            Assert.Equal("linux", back.Environment["os"]);
        }
    }

    public sealed class TheParseMethod
    {
        [Fact]
        public void Should_Reject_Another_Schema_Version()
        {
            var e = Assert.Throws<StampSchemaException>(() => StampSerializer.Parse("""{"schema": "2"}""", "s.json"));
            Assert.Equal("s.json: stamp schema '2', expected '1'.", e.Message);
        }

        [Fact]
        public void Should_Reject_Truncated_Json()
        {
            var e = Assert.Throws<StampSchemaException>(() => StampSerializer.Parse("""{"schema": "1", "st""", "s.json"));
            Assert.StartsWith("s.json: not a valid stamp (", e.Message);
        }
    }
}
