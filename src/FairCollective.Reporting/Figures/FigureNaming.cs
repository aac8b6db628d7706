using FairCollective.Common;
using FairCollective.Experiments.Reproduction;
using FairCollective.Experiments.Store;

namespace FairCollective.Reporting.Figures;

/// <summary>File names and titles of shape-based figures, from the experiment's name and its cells' datasets.</summary>
public static class FigureNaming
{
    /// <summary>
    /// File stem of a figure kind drawn for <paramref name="experiment"/>: the paper experiment whose figure the kind
    /// is keeps its bare name (figures/collective-size.png); any other experiment gets &lt;experiment&gt;-&lt;slug&gt;,
    /// which must be a file name (<see cref="FileNameRule"/>; experiment names are checked so when a spec is read). A
    /// figure of another metric than EqOd says so: the slug's "eqod" becomes the metric's key, and a bare name gets it
    /// as a suffix (collective-size-dem_parity.png, my-study-dem_parity-by-alpha.png), so figures of two metrics never
    /// share a name.
    /// </summary>
    public static string FileName(string experiment, string paperExperiment, string slug,
        Fairness.ShownMetric? metric = null)
    {
        string? key = metric is null || metric == Fairness.ShownMetric.EqOd ? null : metric.Key;
        if (experiment == paperExperiment) return key is null ? paperExperiment : $"{paperExperiment}-{key}";
        string kind = key is null ? slug : slug.Contains("eqod", StringComparison.Ordinal) ? slug.Replace("eqod", key,
            StringComparison.Ordinal) : $"{slug}-{key}";
        return FileNameRule.Check($"{experiment}-{kind}", $"experiment '{experiment}': figure name");
    }

    /// <summary>
    /// A figure's title: the experiment (a paper experiment by its heading, any other by its name), what is drawn, and
    /// the datasets by their display names ("Collective size — best EqOd against α on compas").
    /// </summary>
    public static string Title(string experiment, string what, IEnumerable<CellRecord> cells)
    {
        string who = PaperExperiments.Names.Contains(experiment) ? PaperExperiments.Heading(experiment) : experiment;
        var datasets = cells.Select(c => c.Dataset).Distinct().Order(StringComparer.Ordinal).ToArray();
        return datasets.Length == 0 ? $"{who} — {what}" : $"{who} — {what} on {List(datasets)}";
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
