using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace FairCollective.Experiments.Running;

/// <summary>
/// Refits shared by cells whose relabellings flip the same training rows of the same firm (dataset, seed, learner):
/// their labels, warm start, test split and bootstrap are then the same, so the fit and its metrics are too, and are
/// computed once. Strategies meet there more often than one might think: at a budget of the whole pool every strategy,
/// Random included, flips every member, and small budgets often pick the same top members. Keyed by a SHA-256 of the
/// sorted rows and checked against the rows themselves, so a hash collision can never hand a cell another's result.
/// </summary>
internal sealed class SharedRefits
{
    private sealed record Entry(int[] Rows, Lazy<IReadOnlyDictionary<string, double>> Metrics);

    private readonly ConcurrentDictionary<(string Dataset, int Seed, string Learner, string RowsHash), Entry> _fits = new();

    /// <summary>The metrics of the firm's refit with <paramref name="flippedRows"/> relabelled: computed by <paramref name="fit"/> the first time, shared after.</summary>
    /// <param name="dataset">Dataset of the firm.</param>
    /// <param name="seed">Seed of the split and the learner.</param>
    /// <param name="learner">The firm's learner.</param>
    /// <param name="flippedRows">Training rows reported as 1, in any order (sorted here, not modified).</param>
    /// <param name="fit">Fits and evaluates the relabelled firm.</param>
    public IReadOnlyDictionary<string, double> GetOrFit(string dataset, int seed, string learner, IEnumerable<int> flippedRows,
        Func<IReadOnlyDictionary<string, double>> fit)
    {
        var rows = flippedRows.ToArray();
        Array.Sort(rows);
        string hash = Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(rows.AsSpan())));
        var entry = _fits.GetOrAdd((dataset, seed, learner, hash), _ => new Entry(rows, new Lazy<IReadOnlyDictionary<string, double>>(fit)));
        return entry.Rows.AsSpan().SequenceEqual(rows) ? entry.Metrics.Value : fit();
    }

    /// <summary>How many distinct refits were computed (the rest of the cells that asked shared one).</summary>
    public int Distinct => _fits.Count;
}
