namespace Privatar.Data.Generator;

/// <summary>
/// For every texel of the on-disk texture (row 0 at the top, i.e. v = 1), the mesh triangle it lies on and its
/// barycentric weights, or triangle -1 outside the UV chart. Fixed for the whole subject (the topology is fixed).
/// </summary>
public sealed class TexelMap
{
    public TexelMap(HeadModel head, int size)
    {
        Size = size;
        int n = size * size, cols = head.Cols, rows = head.Rows;
        Triangle = new int[n];
        Weights = new float[3 * n];
        FaceU = new double[n];
        FaceV = new double[n];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
            {
                int t = y * size + x;
                Triangle[t] = -1;
                double uTex = (x + 0.5) / size, vTex = 1 - (y + 0.5) / size;
                if (!HeadModel.UvToGrid(uTex, vTex, out var gu, out var gv)) continue;
                FaceU[t] = HeadModel.Warp(gu);
                FaceV[t] = HeadModel.Warp(gv);
                double cu = gu * (cols - 1), cv = gv * (rows - 1);
                int j = Math.Min((int)cu, cols - 2), i = Math.Min((int)cv, rows - 2);
                double fu = cu - j, fv = cv - i;
                int cell = 2 * (i * (cols - 1) + j);
                // the two triangles of a cell are (a, b, c) below the diagonal and (a, c, d) above it (HeadModel)
                (Triangle[t], Weights[3 * t], Weights[3 * t + 1], Weights[3 * t + 2]) = fu >= fv
                    ? (cell, (float)(1 - fu), (float)(fu - fv), (float)fv)
                    : (cell + 1, (float)(1 - fv), (float)fu, (float)(fv - fu));
            }
    }

    public int Size { get; }
    public int[] Triangle { get; }
    public float[] Weights { get; }
    /// <summary>Face coordinates of the texel (where the skin model places features).</summary>
    public double[] FaceU { get; }
    public double[] FaceV { get; }
}
