using System.Text.Json;
using System.Text.Json.Nodes;
using FairCollective.Common;

namespace FairCollective.Mitigation.Defences;

/// <summary>
/// The registry of firm-side defences against flipped labels: the one place to add one (its name, its options record
/// with named defaults, and its construction). Every public option is settable from a spec by name and recorded in
/// each cell's configuration, as with learners.
/// </summary>
public static class DefenceCatalog
{
    /// <summary>No defence: the firm fits on what it received.</summary>
    public const string None = "none";

    /// <summary>k-NN label sanitisation (<see cref="Defences.KnnSanitisation"/>).</summary>
    public const string KnnSanitisation = "knn-sanitisation";

    /// <summary>Confident-learning filtering (<see cref="Defences.ConfidentLearning"/>).</summary>
    public const string ConfidentLearning = "confident-learning";

    /// <summary>Loss-based filtering (<see cref="Defences.LossFiltering"/>).</summary>
    public const string LossFiltering = "loss-filtering";

    /// <summary>Reject on negative impact (<see cref="Defences.Roni"/>).</summary>
    public const string Roni = "roni";

    private static readonly Registry<DefenceEntry> Registry = new("defence",
    [
        new(None, "no defence", () => new object(), _ => new NoDefence()),
        DefenceEntry.Of(KnnSanitisation, "relabels a row when most of its k nearest rows carry the other label",
            new KnnSanitisationOptions(), o => new KnnSanitisation(o)),
        DefenceEntry.Of(ConfidentLearning, "drops rows whose out-of-fold probability is confidently the other class's",
            new ConfidentLearningOptions(), o => new ConfidentLearning(o)),
        DefenceEntry.Of(LossFiltering, "drops the share of rows the firm's own fit finds worst",
            new LossFilteringOptions(), o => new LossFiltering(o)),
        DefenceEntry.Of(Roni, "drops rows whose addition harms a held-out slice of the firm's rows", new RoniOptions(),
            o => new Roni(o)),
    ]);

    /// <summary>Every defence: "none" and the built-in ones, then those registered (<see cref="Register"/>) in
    /// registration order.</summary>
    public static IReadOnlyList<DefenceEntry> Entries => Registry.Entries;

    /// <summary>
    /// Adds a defence (a plug-in's, or a library user's at start-up) so that specs and the front door can name it. Its
    /// name must be new, ignoring case; registering the same entry again changes nothing.
    /// </summary>
    /// <exception cref="UserInputException">Another defence has the name, or the name is empty.</exception>
    public static void Register(DefenceEntry entry) => Registry.Register(entry);

    /// <summary>The entry of a defence name given in any case.</summary>
    /// <exception cref="UserInputException">No defence has the name.</exception>
    public static DefenceEntry Get(string name) => EntryOf(name);

    /// <summary>Every defence's name, in registry order ("none" first).</summary>
    public static IReadOnlyList<string> Names => Registry.Names;

    /// <summary>One line of what the defence does, for help and the report.</summary>
    public static string Describe(string name) => EntryOf(name).Description;

    /// <summary>The defence named <paramref name="name"/> (any case) with <paramref name="overrides"/> applied by
    /// option name; checked by the defence's own validation.</summary>
    public static DefenceChoice Choice(string name, IEnumerable<(string Option, JsonNode? Value)>? overrides = null)
    {
        var entry = EntryOf(name);
        var options = OptionOverrides.Apply(entry.Defaults(), overrides ?? [], entry.Name, [],
            OptionOverrides.EnumsAsText);
        entry.Create(options); // the defence's own checks
        return new DefenceChoice(entry.Name, OptionOverrides.Canonical(options, [], OptionOverrides.EnumsAsText));
    }

    /// <summary>The defence a choice names, with its options.</summary>
    public static IDefence Create(DefenceChoice choice)
    {
        var entry = EntryOf(choice.Name);
        var defaults = entry.Defaults();
        object options = defaults.GetType() == typeof(object) ? defaults
            : JsonSerializer.Deserialize(choice.OptionsJson, defaults.GetType(), OptionOverrides.EnumsAsText)
              ?? throw new UserInputException($"{entry.Name}: options '{choice.OptionsJson}' are not readable");
        return entry.Create(options);
    }

    /// <summary>
    /// How tables and figures name a choice: its name, followed by the options that differ from the defaults
    /// ("knn-sanitisation(eta=0.5)"), so two choices of one defence never share a label; a plug-in's defence (or one
    /// not registered in this process) with every option ("centroid-margin(margin=1)").
    /// </summary>
    public static string Label(DefenceChoice choice)
    {
        if (choice.IsNone) return None;
        var given = JsonNode.Parse(choice.OptionsJson)?.AsObject();
        if (given is null) return $"{choice.Name}{choice.OptionsJson}";
        // A plug-in's defaults are known only where the plug-in is loaded (not in a later 'results' or 'report'): its
        // label names every option, so it reads the same in every process.
        var entry = Registry.Find(choice.Name);
        var defaults = entry is null || entry.Origin is not null ? new JsonObject()
            : JsonNode.Parse(OptionOverrides.Canonical(entry.Defaults(), [], OptionOverrides.EnumsAsText))!.AsObject();
        var changed = given.Where(kv => !JsonNode.DeepEquals(kv.Value, defaults[kv.Key]))
            .Select(kv => $"{ToSnake(kv.Key)}={kv.Value?.ToJsonString().Trim('"')}").ToArray();
        return changed.Length == 0 ? choice.Name : $"{choice.Name}({string.Join(",", changed)})";
    }

    private static string ToSnake(string pascal) => string.Concat(pascal.Select((c, i)
        => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>The options of <paramref name="name"/> a spec can set, with their defaults (JSON values), in name
    /// order.</summary>
    public static IReadOnlyList<(string Option, string Default)> SettableOptions(string name) =>
        OptionOverrides.Settable(EntryOf(name).Defaults(), [], OptionOverrides.EnumsAsText);

    private static DefenceEntry EntryOf(string name) => Registry.Get(name);
}
