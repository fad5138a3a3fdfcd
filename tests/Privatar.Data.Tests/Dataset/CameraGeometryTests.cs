using Privatar.Data.Dataset;
using Xunit;

namespace Privatar.Data.Tests.Dataset;

public sealed class CameraGeometryTests
{
    // A camera 1000 mm in front of the world origin on +z, looking back along -z (OpenCV axes: x right, y down).
    static readonly double[] Cam = [1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1, 1000];
    static readonly double[] K = [2000, 0, 320, 0, 2000, 240, 0, 0, 1];
    static readonly double[] Identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];

    [Fact]
    public void Should_Place_The_Camera_At_Minus_R_Transpose_T()
    {
        Assert.Equal([0, 0, 1000], CameraGeometry.CameraPosition(Cam));
    }

    [Fact]
    public void Should_Project_The_Head_Origin_To_The_Principal_Point()
    {
        var m = CameraGeometry.Projection(K, Cam, Identity);

        var (x, y, depth) = CameraGeometry.Project(m, 0, 0, 0);
        var (x2, y2, _) = CameraGeometry.Project(m, 10, 5, 0);

        Assert.Equal((320.0, 240.0, 1000.0), (x, y, depth));
        Assert.Equal((340.0, 230.0), (x2, y2));      // 10 mm right -> +20 px; 5 mm up -> -10 px (y down)
    }

    [Fact]
    public void Should_Express_The_View_Direction_In_The_Head_Frame()
    {
        // Given: the head yawed +90 deg about y (its +z now points along world +x) and moved 100 mm to +x
        double[] head = [0, 0, 1, 100, 0, 1, 0, 0, -1, 0, 0, 0];

        // When
        var view = CameraGeometry.ViewDirection(Cam, head);

        // Then: the camera at (0,0,1000) is at world offset (-100, 0, 1000) from the head, i.e. head (-1000, 0, -100)
        var n = Math.Sqrt(1000 * 1000 + 100 * 100);
        Assert.Equal(-1000 / n, view[0], 12);
        Assert.Equal(0, view[1], 12);
        Assert.Equal(-100 / n, view[2], 12);
    }

    [Fact]
    public void Should_Compose_M_From_Camera_And_Head_Pose()
    {
        // Given: the head translated 50 mm along world +y (up); M applied to the head origin must match K * cam * (0,50,0)
        double[] head = [1, 0, 0, 0, 0, 1, 0, 50, 0, 0, 1, 0];

        var (x, y, _) = CameraGeometry.Project(CameraGeometry.Projection(K, Cam, head), 0, 0, 0);

        Assert.Equal(320, x, 9);
        Assert.Equal(240 - 2000 * 50 / 1000.0, y, 9);
    }
}
