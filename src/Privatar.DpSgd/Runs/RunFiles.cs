using System.Text;
using System.Text.Json;
using Privatar.Core;
using Privatar.DpSgd.Training;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Runs;

/// <summary>Deterministic, atomic writers for a run's metrics CSV, summary JSON and checkpoint.</summary>
public static class RunFiles
{
    public const string Metrics = "metrics.csv";
    public const string Summary = "summary.json";

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void WriteMetrics(string path, IEnumerable<EpochMetrics> epochs)
    {
        var sb = new StringBuilder("epoch,steps,train_loss,train_accuracy,test_loss,test_accuracy\n");
        foreach (var e in epochs)
            sb.Append(Invariant.Format(e.Epoch)).Append(',').Append(Invariant.Format(e.Steps)).Append(',')
              .Append(Invariant.Format(e.TrainLoss)).Append(',').Append(Invariant.Format(e.TrainAccuracy)).Append(',')
              .Append(Invariant.Format(e.TestLoss)).Append(',').Append(Invariant.Format(e.TestAccuracy)).Append('\n');
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    public static void WriteJson<T>(string path, T value) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, Json) + "\n");

    public static T ReadJson<T>(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"run summary not found: {path}", path);
        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json)
               ?? throw new InvalidDataException($"{path}: empty JSON");
    }

    /// <summary>TorchSharp's save closes the stream it is given, so it writes to memory first, then atomically to disk.</summary>
    public static void SaveModel(string path, nn.Module model)
    {
        var buffer = new MemoryStream();
        model.save(buffer);
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    public static void LoadModel(string path, nn.Module model)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint not found: {path}", path);
        model.load(path);
    }
}
