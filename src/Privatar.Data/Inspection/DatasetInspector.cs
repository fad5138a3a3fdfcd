using Privatar.Data.Dataset;

namespace Privatar.Data.Inspection;

/// <summary>Counts and sizes of a subject, plus every problem found while loading all its samples.</summary>
public sealed record InspectionReport(
    string Root, int Cameras, int Frames, int Expressions, int TrainFrames, int TestFrames,
    int TrainSamples, int TestSamples, int FramesWithoutAverage, int TextureWidth, int TextureHeight, int PhotoWidth, int PhotoHeight,
    int Vertices, int Faces, int Uvs, double TexStd, double VertStd, int AttackFrames,
    IReadOnlyDictionary<string, int> CameraSets, DatasetSources Sources, int SamplesLoaded, IReadOnlyList<string> Problems);

/// <summary>Validates a subject by loading every sample of both splits (photos included) and checking the lists agree.</summary>
public static class DatasetInspector
{
    public const int MaxProblemsListed = 20;

    public static InspectionReport Inspect(MultifaceDataset ds)
    {
        var problems = new List<string>();
        int problemCount = 0;
        void Problem(string p) { if (problemCount++ < MaxProblemsListed) problems.Add(p); }

        var frameSet = ds.Frames.ToHashSet();
        foreach (var f in ds.AttackFrames.Where(f => !frameSet.Contains(f)))
            Problem($"attack frame {f.Expression} {f.Frame} ({ds.Sources.AttackFrames}) is not in {ds.Layout.FrameList}");
        int noAverage = ds.Frames.Count(f => !File.Exists(ds.Layout.AverageTexture(f.Expression, f.Frame)));

        var train = ds.Samples(Split.Train, ds.CameraSets.ContainsKey("train") ? "train" : ds.CameraSets.Keys.First());
        var test = ds.Samples(Split.Test, ds.CameraSets.ContainsKey("test") ? "test" : ds.CameraSets.Keys.First());
        int loaded = 0;
        foreach (var key in train.Concat(test))
        {
            try
            {
                var s = ds.Load(key);
                if (s.View.Any(float.IsNaN) || s.M.Any(float.IsNaN) || s.Vertices.Any(float.IsNaN))
                    Problem($"{key.Expression} {key.Frame} camera {key.Camera}: NaN in view, M or vertices");
                loaded++;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException)
            {
                Problem(e.Message);
            }
        }
        if (problemCount > MaxProblemsListed) problems.Add($"... and {problemCount - MaxProblemsListed} more problems");
        if (train.Count == 0) problems.Add("the train split has no samples");

        var st = ds.Statistics;
        return new InspectionReport(ds.Layout.Root, ds.Cameras.Count, ds.Frames.Count, ds.Frames.Select(f => f.Expression).Distinct().Count(),
            ds.SplitFrames(Split.Train).Count, ds.SplitFrames(Split.Test).Count, train.Count, test.Count, noAverage,
            ds.TextureWidth, ds.TextureHeight, ds.PhotoWidth, ds.PhotoHeight, ds.VertexCount, st.Topology.FaceCount, st.Topology.UvCount,
            st.TexStd, st.VertStd, ds.AttackFrames.Count, ds.CameraSets.ToDictionary(p => p.Key, p => p.Value.Count), ds.Sources, loaded, problems);
    }
}
