using System.CommandLine;
using FairCollective.Experiments.Reproduction;
using FairCollective.Experiments.Store;
using FairCollective.Reporting;
using FairCollective.Reporting.Figures;

namespace FairCollective.Cli.Commands;

/// <summary>`report &lt;store&gt; -o &lt;dir&gt;`: the self-contained HTML report, figures and a Markdown
/// summary.</summary>
public static class ReportCommand
{
    /// <summary>The <c>report</c> command: reads a store (never writes it) and writes index.html, summary.md and
    /// figures/ into the -o folder.</summary>
    public static Command Create()
    {
        var store = new Argument<string>("results") { Description = "Results store (.sqlite) to report on." };
        var output = new Option<string>("--output",
            "-o")
        { Description = "Folder to write index.html, summary.md and figures/ into.", Required = true };
        var metric = ResultsCommand.MetricOption();
        var plugins = PluginOption.Create("metrics (a stored metric a plug-in registered)");
        var cmd = new Command("report",
            "Write the figures, tables, configuration and timings of a results store as one self-contained HTML file.")
        {
            store, output, metric, ResultsCommand.Selection, ResultsCommand.Best, plugins,
        };
        cmd.SetAction(parse =>
        {
            PluginOption.Load(parse, plugins);
            var chosen = ResultsCommand.MetricOf(parse.GetValue(metric));
            parse.InvocationConfiguration.Output.WriteLine(WriteQuietly(parse.GetValue(store)!, parse.GetValue(output)!,
                parse, chosen));
            return 0;
        });
        return cmd;
    }

    /// <summary>
    /// Writes the report of <paramref name="storePath"/> into <paramref name="outDir"/>, printing nothing: returns the
    /// line that says where the report is (for a caller that prints it when its own output is done).
    /// <paramref name="parse"/> gives the best-budget rule (<c>--selection</c>, <c>--best</c>);
    /// <paramref name="metric"/> (null: each experiment's recorded one) is the fairness metric shown;
    /// <paramref name="stored"/>: every cell of the store when the caller has just read them (a run), so they are not
    /// read again.
    /// </summary>
    internal static string WriteQuietly(string storePath, string outDir, ParseResult parse,
        Fairness.ShownMetric? metric = null, IReadOnlyList<CellRecord>? stored = null)
    {
        using var s = ResultsStore.Open(storePath, StoreAccess.Read);
        // The cells are read once (reading and checking a cell's key costs more than anything the report does with it).
        var cells = stored ?? s.Cells();
        // The toy figure is drawn from its own small run (the store holds metrics, not points and boundaries).
        var toy = cells.Any(c => c.Experiment == PaperExperiments.Toy) ? ToyFigureData.Of(ToyScenario.Run()) : null;
        var files = ReportWriter.Write(ResultsCommand.InputOf(parse, s, cells, metric, toy), outDir);
        return $"report: {Path.Combine(outDir, ReportWriter.IndexFileName)} ({files.Count} files)";
    }
}
