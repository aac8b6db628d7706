using System.CommandLine;

namespace FairCollective.Cli.Commands;

/// <summary>
/// `docs`: where the documentation that the help text names (docs/experiment-spec.md and the rest) is on this
/// machine. The installed tool carries docs/ and data/SOURCE.md beside itself; a build from a checkout finds the
/// checkout's docs/ above its bin/ folder.
/// </summary>
public static class DocsCommand
{
    /// <summary>A file whose presence marks a docs/ folder as FairCollective's.</summary>
    private const string Marker = "experiment-spec.md";

    /// <summary>The pages in reading order, each with what it covers; pages not listed here are shown after
    /// them.</summary>
    private static readonly (string Name, string Topic)[] Pages =
    [
        ("experiment-spec.md", "experiment specs for `run`; checks made before the first cell"),
        ("experiments/", "an example spec per experiment: copy one, edit it, `faircollective run FILE`"),
        ("dataset-spec.md", "your own CSV data (--spec FILE)"),
        ("datasets.md", "the dataset presets and their measured base points"),
        ("store.md", "what a results store promises: identity, refusal, crash safety"),
        ("reporting.md", "the report, figures and exports"),
        ("metrics.md", "the by-group table (MetricFrame) and `metrics`: groups, columns, warnings"),
        ("method.md", "the science: what is implemented, and the choices the paper leaves open"),
        ("planner.md", "`plan`: a real collective's plan from what it knows, and how far it can be trusted"),
        ("scaling.md", "sweeps beyond one machine: shards, Slurm, Kubernetes, `results merge`"),
        ("architecture.md", "how the code is laid out"),
    ];

    /// <summary>The pages <see cref="Print"/> describes, in reading order (a test checks every page of docs/ is one of
    /// them).</summary>
    internal static IEnumerable<string> Described => Pages.Select(p => p.Name);

    /// <summary>The <c>docs</c> command: prints where docs/ is on this machine and what each page covers.</summary>
    public static Command Create()
    {
        var cmd = new Command("docs",
            "Where the documentation is (docs/ beside the installed tool) and what each page covers.");
        cmd.SetAction(parse =>
        {
            Print(parse.InvocationConfiguration.Output, AppContext.BaseDirectory);
            return 0;
        });
        return cmd;
    }

    /// <summary>The docs/ folder beside <paramref name="baseDirectory"/> or in the nearest folder above it, if
    /// any.</summary>
    internal static string? Locate(string baseDirectory)
    {
        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            var docs = Path.Combine(dir.FullName, "docs");
            if (File.Exists(Path.Combine(docs, Marker))) return docs;
        }
        return null;
    }

    internal static void Print(TextWriter output, string baseDirectory)
    {
        var docs = Locate(baseDirectory);
        if (docs is null)
        {
            output.WriteLine("This build of faircollective has no docs/ beside it; the documentation is the docs/ " +
                "folder of the FairCollective source repository.");
            return;
        }
        output.WriteLine($"Documentation: {docs}");
        var present = Directory.EnumerateFiles(docs, "*.md").Select(f => Path.GetFileName(f))
            .Concat(Directory.EnumerateDirectories(docs).Select(d => Path.GetFileName(d) + "/"))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (name, topic) in Pages)
        {
            if (present.Remove(name)) output.WriteLine($"  {name,-20} {topic}");
        }
        foreach (var name in present.Order(StringComparer.Ordinal))
            output.WriteLine($"  {name}");
        var sources = Path.Combine(Path.GetDirectoryName(docs)!, "data", "SOURCE.md");
        if (File.Exists(sources)) output.WriteLine($"Bundled data (origin, checksums, licences): {sources}");
    }
}
