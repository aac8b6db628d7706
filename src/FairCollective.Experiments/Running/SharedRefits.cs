using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace FairCollective.Experiments.Running;

/// <summary>
/// Refits shared by cells whose relabellings flip the same training rows of the same firm (dataset, seed, learner):
/// their labels, warm start, test split and bootstrap are then the same, so the fit and its metrics are too, and are
/// computed once. Strategies meet there more often than one might think: at a budget of the whole pool every strategy,
/// Random included, flips every member, and small budgets often pick the same top members. The rows are named by the
/// SHA-256 of their sorted numbers, as the store names a cell by the SHA-256 of its configuration. At most
/// <see cref="MaxShared"/> fits are kept (their metrics, a few KB each), so a huge sweep's memory stays bounded;
/// later ones are fitted as they come. Sharing never changes a result, only how often it is computed.
/// </summary>
internal sealed class SharedRefits
{
    /// <summary>Most fits kept for sharing in one run.</summary>
    public const int MaxShared = 4096;

    private readonly ConcurrentDictionary<(string Dataset, int Seed, string Learner,
        string RowsHash), Lazy<IReadOnlyDictionary<string, double>>> _fits = new();

    /// <summary>The metrics of the firm's refit with <paramref name="flippedRows"/> relabelled: computed by
    /// <paramref name="fit"/> the first time, shared after.</summary>
    /// <param name="dataset">Dataset of the firm.</param>
    /// <param name="seed">Seed of the split and the learner.</param>
    /// <param name="learner">The firm's learner.</param>
    /// <param name="flippedRows">Training rows reported as 1, in any order (sorted in place).</param>
    /// <param name="fit">Fits and evaluates the relabelled firm.</param>
    public IReadOnlyDictionary<string, double> GetOrFit(string dataset, int seed, string learner, int[] flippedRows,
        Func<IReadOnlyDictionary<string, double>> fit)
    {
        Array.Sort(flippedRows);
        var key = (dataset, seed, learner,
            Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(flippedRows.AsSpan()))));
        if (_fits.TryGetValue(key, out var shared)) return shared.Value;
        // The count may pass the bound by a few under concurrent adds: a bound on memory, not an exact number.
        if (_fits.Count >= MaxShared) return fit();
        return _fits.GetOrAdd(key, _ => new Lazy<IReadOnlyDictionary<string, double>>(fit)).Value;
    }

    /// <summary>How many distinct refits are kept for sharing.</summary>
    public int Distinct => _fits.Count;
}
