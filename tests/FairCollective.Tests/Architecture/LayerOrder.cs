namespace FairCollective.Tests.Architecture;

/// <summary>
/// The layer order as docs/architecture.md writes it, between its "layer order: begin" and "end" markers: one layer a
/// line, bottom first, namespaces under <c>FairCollective.</c> (the word <c>FairCollective</c> alone is the root).
/// </summary>
public static class LayerOrder
{
    /// <summary>Namespace -> its line, counted from the bottom layer (0).</summary>
    public static Dictionary<string, int> Read(string architectureMd)
    {
        var lines = File.ReadAllLines(architectureMd);
        int begin = Array.FindIndex(lines, l => l.Contains("<!-- layer order: begin -->", StringComparison.Ordinal));
        int end = Array.FindIndex(lines, l => l.Contains("<!-- layer order: end -->", StringComparison.Ordinal));
        if (begin < 0
            || end < begin) throw new
            InvalidOperationException($"{architectureMd}: no layer order block between its markers");
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        int level = 0;
        foreach (var line in lines[(begin + 1)..end])
        {
            if (line.StartsWith("```", StringComparison.Ordinal) || line.Trim().Length == 0) continue;
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string ns = word == "FairCollective" ? word : "FairCollective." + word;
                if (!levels.TryAdd(ns,
                    level)) throw new InvalidOperationException($"{architectureMd}: {ns} is in the layer order twice");
            }
            level++;
        }
        return levels;
    }

    /// <summary>The checkout's root folder.</summary>
    public static string Root() => Directory.GetParent(Experiments.ExampleSpecTests.Folder())!.Parent!.FullName;

    /// <summary>docs/architecture.md of this checkout.</summary>
    public static string DocumentPath() => Path.Combine(Root(), "docs", "architecture.md");
}
