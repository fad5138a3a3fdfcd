using Privatar.Core;
using Privatar.Data.Format;

namespace Privatar.Data.Dataset;

public sealed partial class MultifaceDataset
{
    /// <summary>Reads and normalizes one sample; every size is checked against the subject's.</summary>
    public MultifaceSample Load(SampleKey key, bool withPhoto = true)
    {
        var (exp, frame, cam) = key;
        int camIdx = CameraIndex(cam);
        string texSize = $"the size of {Layout.TexMean}";
        var st = Statistics;
        var avg = TextureCodec.Normalize(Png.Read(Layout.AverageTexture(exp, frame), TextureWidth, TextureHeight, texSize), st.TexMean, st.TexStd);
        var valid = new float[st.TexMean.Length];
        var tex = TextureCodec.Normalize(Png.Read(Layout.Texture(exp, cam, frame), TextureWidth, TextureHeight, texSize), st.TexMean, st.TexStd, valid);
        // the original resizes after normalizing; resizing the valid mask equals 1 - resize(zero mask) (linear)
        int s = SampleTextureSize;
        avg = TextureCodec.Resize(avg, 3, TextureWidth, TextureHeight, s, s);
        tex = TextureCodec.Resize(tex, 3, TextureWidth, TextureHeight, s, s);
        var mask = TextureCodec.Resize(valid, 3, TextureWidth, TextureHeight, s, s);

        var verts = RawFiles.ReadFloats(Layout.MeshBin(exp, frame), st.VertMean.Length, $"{VertexCount} vertices x 3, from {Layout.VertMean}");
        float inv = (float)(1.0 / st.VertStd);
        for (int i = 0; i < verts.Length; i++) verts[i] = (verts[i] - st.VertMean[i]) * inv;

        var head = RawFiles.ReadTransform(Layout.Transform(exp, frame));
        var c = Cameras[camIdx];
        var photo = Array.Empty<float>();
        if (withPhoto)
        {
            var path = Layout.Photo(exp, cam, frame);
            if (PhotoWidth == 0) throw new FileNotFoundException($"{path}: file not found (the subject has no photos at all)", path);
            var img = Png.Read(path, PhotoWidth, PhotoHeight, "the size of the first photo of the subject");
            photo = new float[img.Pixels.Length];
            for (int i = 0; i < photo.Length; i++) photo[i] = img.Pixels[i] / 255f;
        }
        return new MultifaceSample(key, camIdx, avg, tex, mask, verts,
            ToFloat(CameraGeometry.ViewDirection(c.Rt, head)),
            ToFloat(CameraGeometry.Projection(c.K, c.Rt, head)),
            ToFloat(head), photo);
    }

    static float[] ToFloat(double[] v) => Array.ConvertAll(v, x => (float)x);
}
