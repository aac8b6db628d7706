using System.Collections.Concurrent;
using FairCollective.Data;

namespace FairCollective.Mitigation.Defences;

/// <summary>
/// Work a defence does on the training rows alone (never on the labels), kept for every defended fit on the same rows:
/// every budget and collective of a split shares it. A defence asks for its own kind of work by a key it owns
/// (<see cref="GetOrAdd{T}"/>); the input carries this cache for any defence, not for one.
/// </summary>
/// <param name="x">The training rows the work is of.</param>
/// <param name="threads">Threads the work may use (-1 = all; 1 inside a runner that already computes cells in
/// parallel); results are the same for any.</param>
public sealed class TrainingRowsWork(DesignMatrix x, int threads = -1)
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _work = new(StringComparer.Ordinal);

    /// <summary>The rows.</summary>
    public DesignMatrix X { get; } = x;

    /// <summary>Threads the work may use.</summary>
    public int Threads { get; } = threads;

    /// <summary>The work kept under <paramref name="key"/>, built once by <paramref name="build"/> from these
    /// rows.</summary>
    /// <exception cref="InvalidOperationException">Another type of work is kept under the key.</exception>
    public T GetOrAdd<T>(string key, Func<TrainingRowsWork, T> build) where T : class =>
        _work.GetOrAdd(key, _ => new Lazy<object>(() => build(this))).Value as T
        ?? throw new InvalidOperationException($"training-rows work '{key}' is not a {typeof(T).Name}");

    /// <summary><paramref name="shared"/> when it is of <paramref name="x"/>, else a private cache of
    /// <paramref name="x"/>.</summary>
    public static TrainingRowsWork For(DesignMatrix x, TrainingRowsWork? shared) =>
        shared is not null && ReferenceEquals(shared.X, x) ? shared : new TrainingRowsWork(x);
}
