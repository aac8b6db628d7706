namespace FairCollective.Common;

/// <summary>What every registry entry has: a name (matched ignoring case) and, for a plug-in's, where it came
/// from.</summary>
public interface IRegistryEntry
{
    /// <summary>The name specs and options use.</summary>
    string Name { get; }

    /// <summary>Where a plug-in's entry came from (assembly, version, SHA-256); null when built in.</summary>
    string? Origin { get; }
}

/// <summary>
/// The one registry shape every component kind shares (strategies, learners, defences): the built-in entries, then
/// those registered at start-up (a plug-in's, or a library user's), looked up by name ignoring case. The list is
/// replaced whole under a lock and read without one, so a reader always sees a complete list.
/// </summary>
/// <typeparam name="TEntry">The kind's entry record.</typeparam>
/// <param name="kind">The kind's name in messages ("strategy", "learner", "defence").</param>
/// <param name="builtIn">The built-in entries, in their order.</param>
public sealed class Registry<TEntry>(string kind, IEnumerable<TEntry> builtIn) where TEntry : class, IRegistryEntry
{
    private readonly object _gate = new();
    private TEntry[] _entries = builtIn.ToArray();

    /// <summary>Every entry: the built-in ones, then the registered ones in registration order.</summary>
    public IReadOnlyList<TEntry> Entries => Volatile.Read(ref _entries);

    /// <summary>Every entry's name, in <see cref="Entries"/>' order.</summary>
    public IReadOnlyList<string> Names => Entries.Select(e => e.Name).ToArray();

    /// <summary>The entry named <paramref name="name"/> in any case; null when none is.</summary>
    public TEntry? Find(string name) => Entries.FirstOrDefault(e => string.Equals(e.Name, name,
        StringComparison.OrdinalIgnoreCase));

    /// <summary>The entry named <paramref name="name"/> in any case.</summary>
    /// <exception cref="UserInputException">None is; the message lists the known names.</exception>
    public TEntry Get(string name) => Find(name)
        ?? throw new UserInputException($"unknown {kind} '{name}' (known: {string.Join(", ", Names)})");

    /// <summary>Adds an entry. Its name must be new, ignoring case; registering the same entry again changes
    /// nothing.</summary>
    /// <exception cref="UserInputException">Another entry has the name, or the name is empty or padded.</exception>
    public void Register(TEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Name) || entry.Name.Trim() != entry.Name)
            throw new
                UserInputException($"a {kind}'s name must be non-empty without surrounding spaces; got '{entry.Name}'");
        lock (_gate)
        {
            var same = Find(entry.Name);
            if (Equals(same, entry)) return;
            if (same is not null)
                throw new UserInputException($"{kind} '{entry.Name}' is already registered " +
                    $"({same.Origin ?? "built in"}); a plug-in's {kind} needs a name of its own");
            Volatile.Write(ref _entries, [.. _entries, entry]);
        }
    }
}
