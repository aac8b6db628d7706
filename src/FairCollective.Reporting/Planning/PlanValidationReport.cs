using FairCollective.Data.Csv;
using System.Globalization;
using System.Text;
using FairCollective.Common;
using FairCollective.Experiments.Planning;
using FairCollective.Reporting.Content;
using FairCollective.Reporting.Figures;
using FairCollective.Reporting.Html;
using FairCollective.Reporting.Tables;
using static FairCollective.Reporting.Tables.TableFormat;
using static System.Net.WebUtility;

namespace FairCollective.Reporting.Planning;

/// <summary>
/// The planner validation's files: every case as CSV (cases.csv), the summary tables and the figure of predicted
/// against achieved EqOd on one self-contained page (index.html), each written atomically.
/// </summary>
public static class PlanValidationReport
{
    /// <summary>The page's file name.</summary>
    public const string HtmlFileName = "index.html";
    /// <summary>The cases' file name.</summary>
    public const string CasesFileName = "cases.csv";
    /// <summary>File stem of the figure.</summary>
    public const string FigureName = "plan-validation";

    /// <summary>Writes the files of <paramref name="cases"/> into <paramref name="outDir"/>; returns their
    /// paths.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<PlanValidationCase> cases, PlanValidationOptions options,
        double seconds, string outDir)
    {
        if (File.Exists(outDir)) throw new
            UserInputException($"plan-validation output '{outDir}' (-o) is a file, not a folder");
        return OutputFolders.Write([outDir, Path.Combine(outDir, PlanReport.FiguresFolder)], () => WriteFiles(cases,
            options, seconds, outDir));
    }

    private static string[] WriteFiles(IReadOnlyList<PlanValidationCase> cases, PlanValidationOptions options,
        double seconds, string outDir)
    {
        AtomicFile.EnsureDirectory(outDir);
        var figure = Figure(cases, options);
        var (png, svg, bytes) = FigureWriter.Save(figure, Path.Combine(outDir, PlanReport.FiguresFolder));
        var rendered = new RenderedFigure(figure, bytes, Path.GetRelativePath(outDir, png).Replace('\\', '/'),
            Path.GetRelativePath(outDir, svg).Replace('\\', '/'));
        var csv = Path.Combine(outDir, CasesFileName);
        AtomicFile.WriteAllText(csv, Csv(cases));
        var html = Path.Combine(outDir, HtmlFileName);
        AtomicFile.WriteAllText(html, Html(cases, options, seconds, rendered, DateTime.UtcNow));
        return [html, csv, png, svg];
    }

    /// <summary>The summary per data set and majority sample, then pooled.</summary>
    public static ReportTable Summary(IReadOnlyList<PlanValidationCase> cases, PlanValidationOptions options)
        => new("Planner validation: how far its answers can be trusted",
        $"Coverage: share of cases whose real EqOd at the planner's budget lay in its {Level()} predictive interval " +
            "(and over every budget). Useful: the planner's budget within "
        + $"{Number(PlanValidationOptions.UsefulWithin)} EqOd of the best budget in hindsight (same ranking). " +
            $"Reachable: target = the planner's no-action EqOd reduced by {Number(options.TargetReduction)}; "
        + "of the cases where it said the target is reached, the share where the real firm reached it. m = majority " +
            "rows known (none: the fallback majority). "
        + "Shares of cases with their exact (Clopper-Pearson) 95% interval and counts; the share over all budgets " +
            "has none (a case's budgets are not independent).",
        ["dataset", "m", "cases", "coverage", "coverage (all budgets)", "error coverage", "useful", "median gap",
            "said reachable", "reached when said", "median |pred − real|", "median interval width", "s per plan"],
        PlanValidationSummary.Of(cases).Select(s => (IReadOnlyList<string>)
        [
            s.Dataset, s.AnyMajority ? "any" : Sample(s.MajorityRows), Count(s.Cases), Share(s.Coverage),
                Percent(s.BudgetCoverage), Share(s.ErrorCoverage),
            Share(s.Useful), Number(s.MedianGap,
                "0.0000"), Count(s.SaidReachable), Share(s.ReachedWhenSaid), Number(s.MedianAbsoluteError,
                "0.0000"), Number(s.MedianWidth, "0.0000"), Number(s.MedianSeconds, "0.00"),
        ]).ToArray());

    /// <summary>Every case as CSV.</summary>
    public static string Csv(IReadOnlyList<PlanValidationCase> cases)
    {
        var b = new StringBuilder("dataset,seed,alpha,majority_rows,members,pool,strategy,budget,flips,predicted_eqod,"
            + "predicted_eqod_low,predicted_eqod_high,achieved_eqod,covered,predicted_error,predicted_error_low,"
            + "predicted_error_high,achieved_error,error_covered,achieved_base_eqod,best_budget,best_eqod,gap,useful,"
            + "budgets_covered,budgets_compared,"
            + "target,said_reachable,reached,plan_seconds\n");
        foreach (var c in cases)
            b.AppendJoin(',', [
                Quote(c.Dataset), I(c.Seed), R(c.Alpha), Sample(c.MajorityRows), I(c.Members), I(c.Pool),
                    Quote(c.Strategy), R(c.Budget), I(c.Flips),
                R(c.PredictedEqOd), R(c.PredictedEqOdLow), R(c.PredictedEqOdHigh), R(c.AchievedEqOd), B(c.Covered),
                R(c.PredictedError), R(c.PredictedErrorLow), R(c.PredictedErrorHigh), R(c.AchievedError),
                    B(c.ErrorCovered),
                R(c.AchievedBaseEqOd), R(c.BestBudget), R(c.BestEqOd), R(c.Gap), B(c.Useful), I(c.BudgetsCovered),
                    I(c.BudgetsCompared),
                R(c.Target), B(c.SaidReachable), B(c.Reached), R(c.PlanSeconds)]).Append('\n');
        return b.ToString();
    }

    private static Figures.Figure Figure(IReadOnlyList<PlanValidationCase> cases, PlanValidationOptions options)
    {
        var samples = cases.Select(c
            => c.MajorityRows).Distinct().OrderBy(PlanValidationSummary.Order).Select(Sample).ToArray();
        var styles = SeriesStyle.For(samples.Select(s => "m = " + s));
        var panels = new List<ScottPlot.Plot>();
        foreach (var dataset in cases.Select(c => c.Dataset).Distinct())
        {
            var plot = PlotLook.NewPanel(dataset, "achieved EqOd (real firm, real test split)",
                "predicted EqOd (median, bars: interval)");
            var own = cases.Where(c => c.Dataset == dataset).ToArray();
            double top = own.Max(c => Math.Max(c.AchievedEqOd,
                double.IsFinite(c.PredictedEqOdHigh) ? c.PredictedEqOdHigh : 0)) * 1.05;
            var diagonal = plot.Add.Line(0, 0, top, top);
            diagonal.Color = ScottPlot.Colors.Gray;
            diagonal.LinePattern = ScottPlot.LinePattern.Dotted;
            diagonal.LegendText = "predicted = achieved";
            foreach (var sample in samples)
            {
                var points = own.Where(c => Sample(c.MajorityRows) == sample).ToArray();
                if (points.Length == 0) continue;
                var style = styles["m = " + sample];
                double[] xs = points.Select(c => c.AchievedEqOd).ToArray(), ys = points.Select(c
                    => c.PredictedEqOd).ToArray();
                // The interval of each prediction as a vertical segment (it is not symmetric about the median).
                foreach (var c in points.Where(c => double.IsFinite(c.PredictedEqOdLow)
                    && double.IsFinite(c.PredictedEqOdHigh)))
                {
                    var bar = plot.Add.Line(c.AchievedEqOd, c.PredictedEqOdLow, c.AchievedEqOd, c.PredictedEqOdHigh);
                    bar.Color = style.Color.WithAlpha(0.5);
                    bar.LineWidth = 1.5f;
                }
                var dots = plot.Add.ScatterPoints(xs, ys, style.Color);
                dots.MarkerShape = style.Marker;
                dots.MarkerSize = 7;
                dots.LegendText = "m = " + sample;
            }
            plot.Axes.SetLimits(0, top, 0, top);
            panels.Add(plot);
        }
        return Figures.Figure.Grid(FigureName, "Planner validation: predicted against achieved EqOd",
            $"Each point is one case (data set, seed, α in " +
                $"{string.Join(", ", options.Alphas.Select(a => Number(a)))}, majority sample m): the planner's " +
                "median EqOd at its recommended budget "
            + $"with its {Level()} predictive interval (bars), against the real firm's EqOd after the same flips on " +
                "the real test split. Points on the dotted diagonal were predicted exactly.",
            panels).WithSharedLegend();
    }

    private static string Html(IReadOnlyList<PlanValidationCase> cases, PlanValidationOptions options, double seconds,
        RenderedFigure figure, DateTime generatedUtc)
    {
        var h = new StringBuilder();
        HtmlReport.AppendHead(h, "Planner validation");
        h.Append("<p class=\"meta\">Generated ").Append(HtmlEncode(generatedUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'",
            CultureInfo.InvariantCulture))).Append(": ")
            .Append(Count(cases.Count)).Append(" plans of ").Append(Count(options.Replicates)).Append(" replicates in ")
                .Append(Number(seconds, "0.0"))
            .AppendLine(" s. Each plan was given only what its collective would know; the real firm was then " +
                "refitted with the plan's flips (docs/planner.md).</p>");
        HtmlReport.AppendFigure(h, figure);
        HtmlReport.AppendTable(h, Summary(cases, options));
        HtmlReport.AppendTable(h, new ReportTable("Every case", "", ["dataset", "seed", "α", "m", "members", "strategy",
            "budget", "flips", "predicted EqOd", "achieved EqOd", "covered", "best budget", "gap", "said reachable",
            "reached"],
            cases.Select(c => (IReadOnlyList<string>)[c.Dataset, Count(c.Seed), Number(c.Alpha), Sample(c.MajorityRows),
                Count(c.Members), c.Strategy, Number(c.Budget), Count(c.Flips),
                $"{Number(c.PredictedEqOd, "0.0000")} [{Number(c.PredictedEqOdLow, "0.0000")}, " +
                    $"{Number(c.PredictedEqOdHigh, "0.0000")}]", Number(c.AchievedEqOd, "0.0000"),
                c.Covered ? "yes" : "no", Number(c.BestBudget), Number(c.Gap,
                    "0.0000"), c.SaidReachable ? "yes" : "no", c.Reached ? "yes" : "no"]).ToArray()));
        h.Append("<p>Every case: <a href=\"").Append(CasesFileName).Append("\">").Append(CasesFileName)
            .AppendLine("</a>.</p></body></html>");
        return h.ToString();
    }

    /// <summary>A majority sample for tables: its size, "all", or "none".</summary>
    public static string Sample(int? m) => m switch { null => "all", 0 => "none", _ => Count(m.Value) };

    private static string Level() => Percent(FairCollective.Planning.PlannerOptions.DefaultLevel);
    private static string Percent(double v) => PlanTables.Percent(v);
    private static string R(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string B(bool v) => v ? "1" : "0";
    private static string Quote(string field) => CsvField.Quote(field);
}
