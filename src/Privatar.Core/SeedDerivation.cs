namespace Privatar.Core;

/// <summary>Integer seeds for separate random streams, derived from one root seed and a purpose (FNV-1a, stable across runs and platforms).</summary>
public static class SeedDerivation
{
    public static int Derive(long root, string purpose)
    {
        unchecked
        {
            var h = 2166136261u;
            foreach (var b in BitConverter.GetBytes(root).Concat(System.Text.Encoding.UTF8.GetBytes(purpose)))
                h = (h ^ b) * 16777619u;
            return (int)(h & 0x7fffffff);
        }
    }
}
