using FairCollective.Common;
using FairCollective.Experiments.Store;
using FairCollective.Reporting.Content;
using FairCollective.Reporting.Figures;
using FairCollective.Reporting.Html;
using FairCollective.Reporting.Markdown;

namespace FairCollective.Reporting;

/// <summary>
/// Writes the report of a results store into a directory:
/// <list type="bullet">
/// <item><c>index.html</c>: one self-contained page (figures embedded, no network resources) with the figures of the
/// experiments present, the tables behind them (mean and spread over seeds), the configuration (spec and environment
/// JSON of every run, datasets, seeds, versions) and the timings;</item>
/// <item><c>summary.md</c>: the same tables and links to the figure files, for papers and issues;</item>
/// <item><c>figures/&lt;name&gt;.png</c> and <c>.svg</c>: every figure as raster and vector file.</item>
/// </list>
/// Experiments absent from the store get no figure; the report says which they are.
/// </summary>
public static class ReportWriter
{
    /// <summary>File name of the HTML report.</summary>
    public const string IndexFileName = "index.html";
    /// <summary>File name of the Markdown summary.</summary>
    public const string SummaryFileName = "summary.md";
    /// <summary>Subfolder holding the PNG and SVG figures.</summary>
    public const string FiguresDirectory = "figures";

    /// <summary>Writes the report of the store; returns the written files' full paths. <paramref name="metric"/> (null:
    /// each experiment's recorded one) is the fairness metric shown.</summary>
    public static IReadOnlyList<string> Write(ResultsStore store, string outDir, ToyFigureData? toy = null,
        Fairness.ShownMetric? metric = null) =>
        Write(ReportInput.From(store, toy, metric), outDir);

    /// <summary>
    /// Writes the report of the given cells and runs into <paramref name="outDir"/> (created when missing); returns the
    /// written files' full paths. Every file is written atomically and index.html last, so an interrupted report leaves
    /// the previous index.html whole, and a new index.html means every other file is new too. Temporary files that
    /// killed earlier reports left in the folders are deleted once the report is complete. A report that fails part-way
    /// (a full disk, a path in the way) removes the files and folders it added (<see cref="OutputFolders"/>).
    /// </summary>
    /// <exception cref="UserInputException">The folder or a file cannot be written; the message names it.</exception>
    public static IReadOnlyList<string> Write(ReportInput input, string outDir)
    {
        if (File.Exists(outDir)) throw new UserInputException($"report output '{outDir}' is a file, not a directory");
        var figureDir = Path.Combine(outDir, FiguresDirectory);
        return OutputFolders.Write([outDir, figureDir], () => WriteFiles(input, outDir, figureDir));
    }

    private static List<string> WriteFiles(ReportInput input, string outDir, string figureDir)
    {
        AtomicFile.EnsureDirectory(outDir);
        var generated = DateTime.UtcNow;
        var sections = ReportSections.Of(input);
        var warnings = input.Warnings();
        var written = new List<string>();
        var figures = new Dictionary<string, RenderedFigure>(StringComparer.Ordinal);
        foreach (var figure in sections.SelectMany(s => s.Figures))
        {
            var (png, svg, pngBytes) = FigureWriter.Save(figure, figureDir);
            written.Add(Path.GetFullPath(png));
            written.Add(Path.GetFullPath(svg));
            figures[figure.Name] = new RenderedFigure(figure, pngBytes,
                $"{FiguresDirectory}/{Path.GetFileName(png)}", $"{FiguresDirectory}/{Path.GetFileName(svg)}");
        }
        var summary = Path.Combine(outDir, SummaryFileName);
        AtomicFile.WriteAllText(summary, MarkdownReport.Render(input, sections, figures, generated, warnings));
        written.Add(Path.GetFullPath(summary));
        var index = Path.Combine(outDir, IndexFileName);
        AtomicFile.WriteAllText(index, HtmlReport.Render(input, sections, figures, generated, warnings));
        written.Add(Path.GetFullPath(index));
        AtomicFile.DeleteStaleTemporaries(outDir);
        AtomicFile.DeleteStaleTemporaries(figureDir);
        return written;
    }
}
