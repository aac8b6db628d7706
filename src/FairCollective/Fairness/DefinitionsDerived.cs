namespace FairCollective.Fairness;

/// <summary>
/// A value derived from the registered by-group metric definitions (<see cref="MetricCatalog.All"/>): built once per
/// set of them, because hot paths read it for every resample or cell, and again after a metric is registered (the
/// catalog then holds a new list). The value and the list it was built from are swapped together, so a reader never
/// pairs a new list with an old value.
/// </summary>
/// <param name="build">Derives the value from the definitions.</param>
public sealed class DefinitionsDerived<T>(Func<IReadOnlyList<MetricDefinition>, T> build)
{
    private sealed record Built(IReadOnlyList<MetricDefinition> Source, T Value);

    private Built? _built;

    /// <summary>The value for the definitions registered now.</summary>
    public T Value
    {
        get
        {
            var all = MetricCatalog.All;
            var built = Volatile.Read(ref _built);
            if (built is null || !ReferenceEquals(built.Source, all)) Volatile.Write(ref _built, built = new Built(all,
                build(all)));
            return built.Value;
        }
    }
}
