using System.Globalization;
using System.Text;
using System.Text.Json;
using Privatar.Core;
using Privatar.DpSgd.Training;
using Privatar.Torch;
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

    /// <summary>Reads what <see cref="WriteMetrics"/> wrote; a bad header or cell names the file and line.</summary>
    public static IReadOnlyList<EpochMetrics> ReadMetrics(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"run metrics not found: {path}", path);
        var lines = File.ReadAllLines(path);
        const string header = "epoch,steps,train_loss,train_accuracy,test_loss,test_accuracy";
        if (lines.Length == 0 || lines[0] != header) throw new InvalidDataException($"{path}:1: expected the header '{header}'");
        var rows = new List<EpochMetrics>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var c = lines[i].Split(',');
            double D(int k) => double.TryParse(c[k], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new InvalidDataException($"{path}:{i + 1}: column {header.Split(',')[k]} is '{c[k]}', expected a number");
            if (c.Length != 6) throw new InvalidDataException($"{path}:{i + 1}: {c.Length} columns, expected 6");
            if (!int.TryParse(c[0], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) ||
                !long.TryParse(c[1], NumberStyles.None, CultureInfo.InvariantCulture, out var steps))
                throw new InvalidDataException($"{path}:{i + 1}: epoch and steps must be non-negative integers");
            rows.Add(new EpochMetrics(epoch, steps, D(2), D(3), D(4), D(5)));
        }
        if (rows.Count == 0) throw new InvalidDataException($"{path}: no epochs recorded");
        return rows;
    }

    public static void WriteJson<T>(string path, T value) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, Json) + "\n");

    public static T ReadJson<T>(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"run summary not found: {path}", path);
        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json)
               ?? throw new InvalidDataException($"{path}: empty JSON");
    }

    public static void SaveModel(string path, nn.Module model) => ModuleFiles.Save(path, model);

    public static void LoadModel(string path, nn.Module model)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint not found: {path}", path);
        model.load(path);
    }
}
