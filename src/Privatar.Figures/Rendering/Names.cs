namespace Privatar.Figures;

/// <summary>Display names for the vocabulary values the CSVs hold.</summary>
public static class Names
{
    public static string Headset(string h) => h switch { "quest_pro" => "Quest Pro", "quest_3" => "Quest 3", _ => h };

    public static string Mechanism(string m) => m switch { "dp" => "DP", "pac" => "PAC (DAMP)", "none" => "no noise", _ => m };

    public static string Noise(string mechanism, double? mi, double? psr) =>
        mi is null ? "no noise" : $"{Mechanism(mechanism)}, MI {Draw.Num(mi.Value)}" + (psr is null ? "" : $" (PSR ≤ {Draw.Percent(psr.Value)})");
}
