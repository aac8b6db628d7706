using FairCollective.Common;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;

namespace FairCollective.Tests.Experiments;

/// <summary>Choosing the best budget on a validation split, and the two definitions of "best", each named.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public sealed class BudgetSelectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-select-").FullName;

    private IReadOnlyList<CellRecord> Run(string extra)
    {
        var spec = SpecParser.Parse("name: sel\ndatasets: [compas]\nstrategies: [RB-prob, RB-dist]\nalphas: [0.1, " +
            "0.3]\nbudgets: {fractions: {from: 0, to: 1, step: 0.25}}\nseeds: [0, 1, 2]\n" + extra, "sel.yaml");
        using var store = ResultsStore.Open(Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".sqlite"));
        new ExperimentRunner(new RunnerOptions(), SilentProgress.Instance).Run(spec, store);
        return store.Cells();
    }

    [Fact]
    public void EveryCellStoresItsByGroupTableAndItAgreesWithTheOverallNumbers()
    {
        var cells = Run("");
        foreach (var c in cells)
        {
            var m = c.Metrics;
            double nMin = m[MetricKeys.MinorityCount], nMaj = m[MetricKeys.MajorityCount], n = nMin + nMaj;
            // The groups' errors, weighted by their test rows, are the overall error; FNR is 1 - TPR in each group.
            Assert.Equal(m[MetricKeys.Error],
                (m[MetricKeys.ErrorMinority] * nMin + m[MetricKeys.ErrorMajority] * nMaj) / n, 12);
            Assert.Equal(1 - m[MetricKeys.MinorityTruePositiveRate], m[MetricKeys.MinorityFalseNegativeRate], 12);
            Assert.Equal(1 - m[MetricKeys.MajorityTruePositiveRate], m[MetricKeys.MajorityFalseNegativeRate], 12);
            // The stored gaps are the differences of the stored group rates.
            Assert.Equal(m[MetricKeys.TprGapSigned],
                m[MetricKeys.MinorityTruePositiveRate] - m[MetricKeys.MajorityTruePositiveRate], 12);
            Assert.Equal(m[MetricKeys.EqOd],
                0.5 * (Math.Abs(m[MetricKeys.TprGapSigned]) + Math.Abs(m[MetricKeys.MinorityFalsePositiveRate] -
                m[MetricKeys.MajorityFalsePositiveRate])), 12);
            Assert.Equal(m[MetricKeys.SelectionGapSigned],
                m[MetricKeys.MinoritySelectionRate] - m[MetricKeys.MajoritySelectionRate], 12);
            // Relabelling training rows never changes the test split: counts and base rates are the seed's.
            var baseCell = cells.Single(b => b.Method == ResultsSummary.BaseMethod && b.Seed == c.Seed);
            Assert.Equal(baseCell.Metrics[MetricKeys.MinorityCount], nMin);
            Assert.Equal(baseCell.Metrics[MetricKeys.MinorityBaseRate], m[MetricKeys.MinorityBaseRate]);
        }
        // The table: the base model and each strategy at the largest alpha, two groups each, in that order.
        var rows = ByGroupRow.Of(cells);
        Assert.Equal(["Base", "Base", "RB-dist, alpha 0.3, budget ", "RB-dist, alpha 0.3, budget ",
            "RB-prob, alpha 0.3, budget ", "RB-prob, alpha 0.3, budget "],
            rows.Select(r => r.Setting.Contains("budget",
                StringComparison.Ordinal) ? r.Setting[..(r.Setting.IndexOf("budget",
                StringComparison.Ordinal) + 7)] : r.Setting));
        Assert.Equal(["minority", "majority", "minority", "majority", "minority", "majority"], rows.Select(r
            => r.Group));
        var best = ResultsSummary.BestByAlpha(cells.Where(c => c.Alpha == 0.3
            || c.Method == ResultsSummary.BaseMethod)).Single(r => r.Method == "RB-prob" && r.Alpha == 0.3);
        Assert.Equal($"RB-prob, alpha 0.3, budget {best.BestBudget}", rows[4].Setting);
        Assert.Equal(SeedStats.Of(cells.Where(c => c.Method == "RB-prob" && c.Alpha == 0.3
            && c.Budget == best.BestBudget), MetricKeys.MinorityTruePositiveRate), rows[4].TruePositiveRate);
    }

    [Fact]
    public void ValidationSelectionIsNeverBelowTheTestSelectedBest()
    {
        var cells = Run("validation_fraction: 0.2\n");
        Assert.All(cells, c => Assert.True(c.Metrics.ContainsKey(MetricKeys.OnValidation(MetricKeys.EqOd)),
            "every cell is also measured on validation"));
        foreach (var best in new[] { BestDefinition.MinOfSeedMeans, BestDefinition.MeanOfSeedMins })
        {
            var onTest = ResultsSummary.BestByAlpha(cells, new BudgetSelection(SelectionSplit.Test,
                best)).ToDictionary(r => (r.Method, r.Alpha));
            var onValidation = ResultsSummary.BestByAlpha(cells, new BudgetSelection(SelectionSplit.Validation, best));
            // The test-selected number is the minimum of what any rule can report on test: choosing elsewhere can only
            // match or exceed it.
            foreach (var r in onValidation.Where(r => r.Method != ResultsSummary.BaseMethod))
                Assert.True(r.EqOd.Mean >= onTest[(r.Method, r.Alpha)].EqOd.Mean - 1e-15,
                    $"{best} {r.Method} {r.Alpha}");
        }
        // Each seed choosing its own budget on test is the most optimistic of all.
        var perSeed = ResultsSummary.BestByAlpha(cells, new BudgetSelection(SelectionSplit.Test,
            BestDefinition.MeanOfSeedMins)).ToDictionary(r => (r.Method, r.Alpha));
        foreach (var r in ResultsSummary.BestByAlpha(cells))
            Assert.True(perSeed[(r.Method, r.Alpha)].EqOd.Mean <= r.EqOd.Mean + 1e-15);
        // Each seed's own budget; where nothing can be flipped (the base model, alpha 0) no budget is chosen.
        Assert.All(perSeed.Values, r => Assert.Equal(r.MeanFlips == 0
            && r.Alpha == 0 ? ResultsSummary.NoFlipsBudget : "per seed", r.BestBudget));
    }

    [Fact]
    public void WithoutAValidationSplitTheValidationRuleIsRefusedAndEveryRuleIsNamed()
    {
        var cells = Run("");
        Assert.DoesNotContain(cells, c => c.Metrics.ContainsKey(MetricKeys.OnValidation(MetricKeys.EqOd)));
        var e = Assert.Throws<UserInputException>(() => ResultsSummary.BestByAlpha(cells,
            new BudgetSelection(SelectionSplit.Validation)));
        Assert.Equal("these results have no validation split to choose budgets on: run the spec with " +
            "validation_fraction > 0 (docs/experiment-spec.md)", e.Message);
        Assert.Equal("budget chosen on the test split (the paper's rule; optimistic); one budget for all seeds: the " +
            "lowest seed mean", BudgetSelection.Paper.Describe());
        Assert.Equal("budget chosen on the validation split, reported on test; each seed's own budget, then the mean " +
            "over seeds",
            new BudgetSelection(SelectionSplit.Validation, BestDefinition.MeanOfSeedMins).Describe());
        Assert.Equal("on the validation split: " + MetricCatalog.Find(MetricKeys.EqOd)!.Definition,
            MetricCatalog.Find(MetricKeys.OnValidation(MetricKeys.EqOd))!.Definition);
    }

    [Fact]
    public void AnotherMetricChoosesInItsFairerDirectionAndCarriesItsOwnInterval()
    {
        var cells = Run("");
        var rule = new BudgetSelection(Metric: MetricKeys.DemographicParity);
        var rows = ResultsSummary.BestByAlpha(cells, rule).Where(r => r.Method != ResultsSummary.BaseMethod).ToArray();
        Assert.NotEmpty(rows);
        foreach (var r in rows)
        {
            // The reported value is the lowest seed-mean demographic-parity gap over that method's budgets at that
            // alpha.
            var means = cells.Where(c => c.Method == r.Method && c.Alpha == r.Alpha && c.Knob is null)
                .GroupBy(c => c.Budget).Select(g => g.Average(c => c.Metrics[MetricKeys.DemographicParity])).ToArray();
            Assert.Equal(means.Min(), r.EqOd.Mean, 12);
            // Its test-row interval is the metric's own (every stored metric has one), around its seed mean.
            var (low, high) = r.EqOdInterval!.Value;
            Assert.InRange(r.EqOd.Mean, low, high);
            Assert.True(high > low);
        }
        // A min/max ratio is maximised: the reported value is the highest seed mean over budgets.
        var ratioRows = ResultsSummary.BestByAlpha(cells,
            new BudgetSelection(Metric: MetricKeys.DemographicParityRatio)).Where(r
            => r.Method != ResultsSummary.BaseMethod);
        foreach (var r in ratioRows)
            Assert.Equal(cells.Where(c => c.Method == r.Method && c.Alpha == r.Alpha && c.Knob is null).GroupBy(c
                => c.Budget)
                .Max(g => g.Average(c => c.Metrics[MetricKeys.DemographicParityRatio])), r.EqOd.Mean, 12);
        // Unsigned gaps are minimised, min/max ratios maximised; signed gaps, disparate impact and error have no fairer
        // direction.
        Assert.Contains(MetricKeys.EqOd, MetricCatalog.Gaps);
        Assert.Contains(MetricKeys.DemographicParity, MetricCatalog.Gaps);
        Assert.Contains(MetricKeys.DemographicParityRatio, MetricCatalog.Ratios);
        Assert.Equal(-1, new BudgetSelection(Metric: MetricKeys.DemographicParityRatio).Direction);
        Assert.Equal(1, BudgetSelection.Paper.Direction);
        Assert.EndsWith("the highest seed mean",
            new BudgetSelection(Metric: MetricKeys.DemographicParityRatio).Describe());
        foreach (var key in new[] { MetricKeys.DisparateImpact, MetricKeys.SelectionGapSigned, MetricKeys.Error })
            Assert.False(MetricCatalog.Gaps.Contains(key) || MetricCatalog.Ratios.Contains(key), key);
        var e = Assert.Throws<UserInputException>(() => new BudgetSelection(Metric: "nope").CheckAvailable(cells));
        Assert.StartsWith("metric: 'nope' is no metric this process knows (a plug-in's metric is known once ",
            e.Message);
        var withoutIt = cells.Select(c => c with
        {
            Metrics = c.Metrics.Where(m
            => m.Key != MetricKeys.EqualOpportunity).ToDictionary()
        }).ToArray();
        e = Assert.Throws<UserInputException>(()
            => new BudgetSelection(Metric: MetricKeys.EqualOpportunity).CheckAvailable(withoutIt));
        Assert.StartsWith("these results do not store the metric 'eq_opp' (stored: ", e.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

/// <summary>Every cell carries a bootstrap interval over its test rows, and tables combine them for the seed
/// mean.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public sealed class TestRowIntervalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-ci-").FullName;

    [Fact]
    public void CellsStoreIntervalsAroundTheirEstimateAndTheSeedMeanGetsOne()
    {
        var spec = SpecParser.Parse("name: ci\ndatasets: [compas]\nstrategies: [RB-prob]\nalphas: [0.3]\nbudgets: " +
            "{fractions: [0.5, 1]}\nseeds: [0, 1, 2]\nbootstrap: {resamples: 100, level: 0.9}\n", "ci.yaml");
        using var store = ResultsStore.Open(Path.Combine(_dir, "s.sqlite"));
        new ExperimentRunner(new RunnerOptions(), SilentProgress.Instance).Run(spec, store);
        var cells = store.Cells();
        Assert.All(cells, c =>
        {
            Assert.InRange(c.Metrics[MetricKeys.EqOd], c.Metrics[MetricKeys.EqOdLow] - 0.02,
                c.Metrics[MetricKeys.EqOdHigh] + 0.02);
            Assert.True(c.Metrics[MetricKeys.EqOdLow] < c.Metrics[MetricKeys.EqOdHigh]);
            Assert.True(c.Metrics[MetricKeys.ErrorLow] < c.Metrics[MetricKeys.ErrorHigh]);
            Assert.Equal(100, c.Config!.BootstrapResamples);
        });
        var best = ResultsSummary.BestByAlpha(cells).Single(r => r.Method == "RB-prob");
        Assert.NotNull(best.EqOdInterval);
        Assert.True(best.EqOdInterval!.Value.Low < best.EqOd.Mean && best.EqOd.Mean < best.EqOdInterval.Value.High);
        // Off: no interval is stored, and tables say n/a.
        var off = spec with { Name = "ci-off", BootstrapResamples = 0 };
        new ExperimentRunner(new RunnerOptions(), SilentProgress.Instance).Run(off, store);
        Assert.DoesNotContain(store.Cells("ci-off"), c => c.Metrics.ContainsKey(MetricKeys.EqOdLow));
        Assert.Equal("n/a", SeedStats.Format(ResultsSummary.BestByAlpha(store.Cells("ci-off")).Single(r
            => r.Method == "RB-prob").EqOdInterval));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
