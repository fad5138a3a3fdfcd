using Privatar.Core.Tests.Fixtures;
using Xunit;

namespace Privatar.Core.Tests;

// The fixtures under Fixtures/ were written by numpy 1.24.2 (Debian python3-numpy) with:
//   np.save("f8_2x3.npy", np.arange(6, dtype=np.float64).reshape(2, 3) * 0.5 - 1.0)
//   np.save("f4_vec4.npy", np.array([1.5, -2.25, 3.0e-3, 1e30], dtype=np.float32))
//   np.save("i8_2x1x2.npy", np.array([[[1, -2]], [[3, 1 << 40]]], dtype=np.int64))
//   np.save("f8_scalar.npy", np.float64(2.5))
//   np.save("f8_fortran_2x3x2.npy", np.asfortranarray(np.arange(12, dtype=np.float64).reshape(2, 3, 2)))
public sealed class NpyTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("npy-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public sealed class TheDecodeMethod
    {
        [Fact]
        public void Should_Read_A_Numpy_Written_Float64_Matrix()
        {
            // Given / When
            var a = Npy.Read(Fixture("f8_2x3.npy"));

            // Then
            Assert.Equal(NpyDType.Float64, a.DType);
            Assert.Equal([2, 3], a.Shape);
            Assert.Equal([-1.0, -0.5, 0.0, 0.5, 1.0, 1.5], a.ToDoubles());
            Assert.Equal(1.0, a.ToMatrix()[1, 1]);
        }

        [Fact]
        public void Should_Read_Float32_Int64_And_Scalars()
        {
            var f = Npy.Read(Fixture("f4_vec4.npy"));
            Assert.Equal(NpyDType.Float32, f.DType);
            Assert.Equal([4], f.Shape);
            Assert.Equal([1.5f, -2.25f, 3.0e-3f, 1e30f], (float[])f.Data);

            var i = Npy.Read(Fixture("i8_2x1x2.npy"));
            Assert.Equal([2, 1, 2], i.Shape);
            Assert.Equal([1L, -2L, 3L, 1L << 40], (long[])i.Data);

            var s = Npy.Read(Fixture("f8_scalar.npy"));
            Assert.Empty(s.Shape);
            Assert.Equal([2.5], s.ToDoubles());
        }

        [Fact]
        public void Should_Reorder_Fortran_Arrays_Into_C_Order()
        {
            var a = Npy.Read(Fixture("f8_fortran_2x3x2.npy"));
            Assert.Equal([2, 3, 2], a.Shape);
            Assert.Equal(Enumerable.Range(0, 12).Select(i => (double)i).ToArray(), a.ToDoubles());
        }

        [Fact]
        public void Should_Name_The_File_When_The_Body_Is_Truncated()
        {
            var bytes = File.ReadAllBytes(Fixture("f8_2x3.npy"));
            var ex = Assert.Throws<InvalidDataException>(() => Npy.Decode(bytes[..^8], "cut.npy"));
            Assert.Contains("cut.npy", ex.Message);
            Assert.Contains("needs 48", ex.Message);
        }

        [Fact]
        public void Should_Reject_Unsupported_Dtypes_And_Non_Npy_Bytes()
        {
            var bytes = File.ReadAllBytes(Fixture("f8_2x3.npy"));
            var text = System.Text.Encoding.Latin1.GetString(bytes).Replace("'<f8'", "'>f8'");
            var ex = Assert.Throws<InvalidDataException>(() => Npy.Decode(System.Text.Encoding.Latin1.GetBytes(text), "be.npy"));
            Assert.Contains("'>f8' is not supported", ex.Message);
            Assert.Throws<InvalidDataException>(() => Npy.Decode("hello world!"u8.ToArray(), "x.npy"));
        }
    }

    public sealed class TheEncodeMethod
    {
        [Theory]
        [InlineData("f8_2x3.npy")]
        [InlineData("f4_vec4.npy")]
        [InlineData("i8_2x1x2.npy")]
        [InlineData("f8_scalar.npy")]
        public void Should_Reproduce_Numpy_Bytes_Exactly(string fixture)
        {
            // Given the bytes numpy wrote, When we decode and re-encode, Then every byte matches (header padding too).
            var numpyBytes = File.ReadAllBytes(Fixture(fixture));
            Assert.Equal(numpyBytes, Npy.Encode(Npy.Decode(numpyBytes, fixture)));
        }

        [Fact]
        public void Should_Align_The_Header_To_64_Bytes_For_Any_Rank()
        {
            foreach (var shape in new[] { new[] { 256 }, [256, 256], [1, 2, 3, 4, 5], [0] })
            {
                var a = new NpyArray(NpyDType.Float64, shape, new double[shape.Aggregate(1, (x, y) => x * y)]);
                var bytes = Npy.Encode(a);
                var headerEnd = 10 + BitConverter.ToUInt16(bytes, 8);
                Assert.Equal(0, headerEnd % 64);
                Assert.Equal((byte)'\n', bytes[headerEnd - 1]);
                Assert.Equal(shape, Npy.Decode(bytes, "mem").Shape);
            }
        }

        [Fact]
        public void Should_Refuse_Data_That_Does_Not_Fill_The_Shape()
        {
            var ex = Assert.Throws<ArgumentException>(() => new NpyArray(NpyDType.Float64, [2, 2], new double[3]));
            Assert.Contains("needs 4", ex.Message);
        }
    }

    [Fact]
    public void Write_Should_Be_Deterministic_And_Leave_No_Temporaries()
    {
        var p1 = Path.Combine(_dir, "a.npy");
        var p2 = Path.Combine(_dir, "b.npy");
        var m = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } };
        Npy.Write(p1, m);
        Npy.Write(p2, m);
        Assert.Equal(File.ReadAllBytes(p1), File.ReadAllBytes(p2));
        Assert.Equal(m, Npy.Read(p1).ToMatrix());
        Assert.Equal(2, Directory.GetFiles(_dir).Length);
    }

    [NumpyFact]
    public void Numpy_Should_Load_Our_Files_With_Shape_Dtype_And_Values()
    {
        // Given files we wrote
        var f8 = Path.Combine(_dir, "ours_f8.npy");
        var f4 = Path.Combine(_dir, "ours_f4.npy");
        Npy.Write(f8, Enumerable.Range(0, 24).Select(i => i * 0.25).ToArray(), 2, 3, 4);
        Npy.Write(f4, new[] { 0.5f, -1.5f }, 2);

        // When numpy loads them
        var output = PythonNumpy.Run(
            "import numpy as np, sys\n" +
            $"a = np.load({PyString(f8)}); b = np.load({PyString(f4)})\n" +
            "print(a.shape, a.dtype, float(a[1, 2, 3]), b.shape, b.dtype, float(b.sum()))");

        // Then the shape, dtype and values are as written
        Assert.Equal("(2, 3, 4) float64 5.75 (2,) float32 -1.0", output.Trim());
    }

    [NumpyFact]
    public void We_Should_Read_What_Numpy_Writes_Now()
    {
        var path = Path.Combine(_dir, "theirs.npy");
        PythonNumpy.Run($"import numpy as np\nnp.save({PyString(path)}, np.linspace(0, 1, 12, dtype=np.float32).reshape(3, 4))");
        var a = Npy.Read(path);
        Assert.Equal(NpyDType.Float32, a.DType);
        Assert.Equal([3, 4], a.Shape);
        Assert.Equal(1.0f, ((float[])a.Data)[11]);
        Assert.Equal(File.ReadAllBytes(path), Npy.Encode(a));
    }

    static string PyString(string path) => "'" + path.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
