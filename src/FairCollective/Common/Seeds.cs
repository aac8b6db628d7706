namespace FairCollective.Common;

/// <summary>
/// Derives independent, reproducible random streams from one user seed. Every random choice in the product
/// takes its generator from here with a purpose string, so adding a new random step never shifts the draws of
/// an existing one, and results do not depend on thread count or call order.
/// </summary>
public static class Seeds
{
    /// <summary>A 32-bit seed for <paramref name="purpose"/> under <paramref name="seed"/> (FNV-1a then
    /// SplitMix64).</summary>
    public static int Derive(int seed, string purpose, long index = 0)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in purpose)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        ulong z = h ^ ((ulong)(uint)seed << 32) ^ (ulong)index * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    /// <summary>A seeded generator for <paramref name="purpose"/>. System.Random with a seed is stable across .NET
    /// versions.</summary>
    public static Random Create(int seed, string purpose, long index = 0) => new(Derive(seed, purpose, index));

    /// <summary>A seeded uniformly random permutation of 0..n-1 (Fisher–Yates).</summary>
    public static int[] Permutation(int n, Random rng)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}
