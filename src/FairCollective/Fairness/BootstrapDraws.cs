using System.Collections.Concurrent;
using System.Numerics;
using FairCollective.Common;

namespace FairCollective.Fairness;

/// <summary>
/// How often each of n rows is drawn in each of B bootstrap resamples, stored row by row (row i's B counts are
/// contiguous). The draws depend only on (n, B, seed), not on the data, so every cell of one split (same test rows,
/// same seed) shares them: <see cref="CountBootstrap"/> draws them once and then only adds up counts per cell, instead
/// of drawing n random indices per resample for every cell (which was most of a COMPAS cell's time). Kept in a small
/// cache bounded by <see cref="CacheBudgetBytes"/>; larger draws are not stored and are drawn per call as before.
/// </summary>
internal sealed class BootstrapDraws
{
    /// <summary>Bytes of draws the cache keeps at once (200 resamples of 300,000 rows fit).</summary>
    public const long CacheBudgetBytes = 64L << 20;

    private static readonly ConcurrentDictionary<(int Rows, int Resamples,
        int Seed), Lazy<BootstrapDraws?>> Cache = new();
    private static long _cachedBytes;

    private readonly byte[] _counts;

    private BootstrapDraws(int rows, int resamples, byte[] counts) => (Rows, Resamples, _counts) = (rows, resamples,
        counts);

    /// <summary>Rows n.</summary>
    public int Rows { get; }

    /// <summary>Resamples B.</summary>
    public int Resamples { get; }

    /// <summary>The draws for (n, B, seed), from the cache or drawn now; null when they exceed the budget or a count
    /// would not fit a byte (then the caller draws per resample, which gives the same counts).</summary>
    public static BootstrapDraws? For(int rows, int resamples, int seed)
    {
        long bytes = (long)rows * resamples;
        if (bytes > CacheBudgetBytes) return null;
        var key = (rows, resamples, seed);
        if (Cache.TryGetValue(key, out var hit)) return hit.Value;
        if (Interlocked.Add(ref _cachedBytes, bytes) > CacheBudgetBytes)
        {
            // Over budget: start afresh. Draws in use stay valid; only the cache lets go of them.
            Cache.Clear();
            Interlocked.Exchange(ref _cachedBytes, bytes);
        }
        return Cache.GetOrAdd(key, k => new Lazy<BootstrapDraws?>(() => Draw(k.Rows, k.Resamples, k.Seed))).Value;
    }

    /// <summary>Draws in exactly the order <see cref="CountBootstrap"/> draws them per resample: resample b takes n
    /// indices from the one stream <c>Seeds.Create(seed, CountBootstrap.SeedPurpose)</c>, after resamples
    /// 0..b-1.</summary>
    private static BootstrapDraws? Draw(int rows, int resamples, int seed)
    {
        var rng = Seeds.Create(seed, CountBootstrap.SeedPurpose);
        var counts = new byte[(long)rows * resamples];
        for (int b = 0; b < resamples; b++)
            for (int i = 0; i < rows; i++)
            {
                ref byte c = ref counts[(long)rng.Next(rows) * resamples + b];
                if (c == byte.MaxValue) return null;
                c++;
            }
        return new BootstrapDraws(rows, resamples, counts);
    }

    /// <summary>Adds row <paramref name="row"/>'s count in every resample into <paramref name="total"/> (length
    /// B).</summary>
    public void AddRow(int row, Span<uint> total)
    {
        var src = new ReadOnlySpan<byte>(_counts, row * Resamples, Resamples);
        int b = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<uint>.Count;
            for (; b <= src.Length - Vector<byte>.Count; b += Vector<byte>.Count)
            {
                Vector.Widen(new Vector<byte>(src[b..]), out Vector<ushort> low, out Vector<ushort> high);
                Vector.Widen(low, out Vector<uint> q0, out Vector<uint> q1);
                Vector.Widen(high, out Vector<uint> q2, out Vector<uint> q3);
                var t = total[b..];
                (new Vector<uint>(t) + q0).CopyTo(t);
                (new Vector<uint>(t[width..]) + q1).CopyTo(t[width..]);
                (new Vector<uint>(t[(2 * width)..]) + q2).CopyTo(t[(2 * width)..]);
                (new Vector<uint>(t[(3 * width)..]) + q3).CopyTo(t[(3 * width)..]);
            }
        }
        for (; b < src.Length; b++) total[b] += src[b];
    }
}
