using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.Defences;
using FairCollective.Reporting.Figures;

namespace FairCollective.Tests.Experiments;

/// <summary>Defended firms and plausible flips in the grid: what each cell stores, how it matches the undefended cell,
/// and the summary over them.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class CountermeasureRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-countermeasures-").FullName;

    private const string Spec = """
        name: cm
        datasets: [compas]
        strategies: [RB-prob, RB-label]
        alphas: [0.2, 0.4]
        budgets: {fractions: [0.5]}
        seeds: [0]
        defences: [none, knn-sanitisation, loss-filtering, {roni: {calibration_sets: 1}}]
        plausible: [0, 0.5]
        """;

    private IReadOnlyList<CellRecord> Run(string spec, int threads = -1, string file = "cm.sqlite")
    {
        using var store = ResultsStore.Open(Path.Combine(_dir, file));
        new ExperimentRunner(new RunnerOptions { MaxDegreeOfParallelism = threads },
            SilentProgress.Instance).Run(SpecParser.Parse(spec), store);
        return store.Cells();
    }

    [Fact]
    public void DefendedCellsStoreTheirDetectionAndKeepTheirOwnLabels()
    {
        var cells = Run(Spec);
        Assert.Equal(4 * (1 + 2 * 2 * 2), cells.Count);
        var defended = cells.Where(c => c.Defence != DefenceCatalog.None).ToArray();
        Assert.Equal(3 * 9, defended.Length);
        Assert.Equal(["logistic", "logistic+knn-sanitisation", "logistic+loss-filtering",
            "logistic+roni(calibration_sets=1)"], cells.Select(c
            => c.Learner).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("RB-prob (plausible 0.5)", cells.Select(c => c.Method));
        foreach (var c in defended)
        {
            Assert.InRange(c.Metrics[MetricKeys.DefenceFalseFlagsMinority], 0, 1);
            Assert.InRange(c.Metrics[MetricKeys.DefenceFalseFlagsMajority], 0, 1);
            if (c.Flips > 0) Assert.InRange(c.Metrics[MetricKeys.DefenceRecall], 0, 1);
            else Assert.True(double.IsNaN(c.Metrics[MetricKeys.DefenceRecall]), "no flips: recall undefined");
        }
        // Loss filtering drops round(q n) rows whatever the labels: one count in every cell.
        Assert.All(cells.Where(c => c.Defence == DefenceCatalog.LossFiltering).Select(c
            => c.Metrics[MetricKeys.DefenceFlagged]).Distinct(), v => Assert.True(v > 0));
        Assert.Single(cells.Where(c => c.Defence == DefenceCatalog.LossFiltering).Select(c
            => c.Metrics[MetricKeys.DefenceFlagged]).Distinct());
        // Undefended cells are the cells a spec without defences writes: same keys, same values.
        var plain =
            Run(Spec.Replace("defences: [none, knn-sanitisation, loss-filtering, {roni: {calibration_sets: 1}}]\n",
            "").Replace("plausible: [0, 0.5]", ""), file: "plain.sqlite");
        var undefended = cells.Where(c => c.Defence == DefenceCatalog.None && c.Plausible == 0).ToDictionary(c
            => c.Key);
        Assert.Equal(plain.Count, undefended.Count);
        foreach (var p in plain) Assert.Equal(p.Metrics[MetricKeys.EqOd], undefended[p.Key].Metrics[MetricKeys.EqOd]);
    }

    [Fact]
    public void PlausibleFlipsFlipOnlyMembersTheMajorityModelFindsPlausible()
    {
        var cells = Run(Spec);
        foreach (var restricted in cells.Where(c => c.Plausible > 0 && c.Defence == DefenceCatalog.None))
        {
            var whole = cells.Single(c => c.Plausible == 0 && c.Defence == DefenceCatalog.None
                && c.BaseMethod == restricted.BaseMethod && c.Alpha == restricted.Alpha);
            Assert.True(restricted.PoolSize < whole.PoolSize,
                $"{restricted.Method} at {restricted.Alpha}: the plausible pool is a strict part of the pool");
            Assert.Equal((int)Math.Round(0.5 * restricted.PoolSize, MidpointRounding.AwayFromZero), restricted.Flips);
        }
    }

    [Fact]
    public void PlausibleRestrictionKeepsExactlyTheMembersAboveTheThreshold()
    {
        var rng = new Random(1);
        var x = FairCollective.Data.DesignMatrix.FromRows(Enumerable.Range(0, 60).Select(_
            => new[] { rng.NextDouble() * 4 - 2 }).ToArray());
        var y = Enumerable.Range(0, 60).Select(i => x[i, 0] + (i % 7 == 0 ? 1.5 : 0) > 0 ? 1 : 0).ToArray();
        int[] pool = [.. Enumerable.Range(0, 60).Where(i => i % 3 == 0 && y[i] == 0)];
        int[] known = [.. Enumerable.Range(0, 60).Where(i => i % 3 != 0)];
        var context = new StrategyContext(x, y, pool, known, seed: 0);
        var trainer = LearnerCatalog.Create(LearnerCatalog.Logistic, new LearnerSettings(), 0);
        var scores = new RbProbStrategy(trainer).Score(context).Values;
        Assert.Equal(pool, PlausibleFlips.Restrict(context, 0, trainer));
        double threshold = scores.Order().ElementAt(scores.Length / 2);
        Assert.Equal(pool.Where((_, j) => scores[j] >= threshold), PlausibleFlips.Restrict(context, threshold,
            trainer));
        Assert.Throws<FairCollective.Common.UserInputException>(() => PlausibleFlips.Restrict(context, 1, trainer));
    }

    [Fact]
    public void DefendedResultsAreTheSameForAnyThreadCount()
    {
        var one = Run(Spec, threads: 1, file: "one.sqlite").ToDictionary(c => c.Key);
        var two = Run(Spec, threads: 2, file: "two.sqlite");
        Assert.Equal(one.Count, two.Count);
        foreach (var c in two)
            foreach (var (key, value) in c.Metrics) Assert.Equal(value, one[c.Key].Metrics[key]);
    }

    [Fact]
    public void TheSummaryMatchesDefendedWithUndefendedCellsSeedBySeed()
    {
        var cells = Run(Spec);
        var rows = CountermeasureSummary.Rows(cells);
        Assert.Equal(3 * 2 * 2 * 2, rows.Count);
        double Eq(Func<CellRecord, bool> which) => cells.Single(which).Metrics[MetricKeys.EqOd];
        foreach (var r in rows)
        {
            string defence = r.Defence;
            double baseD = Eq(c => c.Method == "Base" && c.Defence == defence), base0 = Eq(c => c.Method == "Base"
                && c.Defence == DefenceCatalog.None);
            double cellD = Eq(c => c.Defence == defence && c.BaseMethod == r.Strategy && c.Plausible == r.Plausible
                && c.Alpha == r.Alpha);
            double cell0 = Eq(c => c.Defence == DefenceCatalog.None && c.BaseMethod == r.Strategy
                && c.Plausible == r.Plausible && c.Alpha == r.Alpha);
            Assert.Equal(baseD - cellD, r.Gain.Mean, 15);
            Assert.Equal(base0 - cell0, r.UndefendedGain.Mean, 15);
            if (base0 - cell0 >= CountermeasureSummary.MinimumGain) Assert.Equal((baseD - cellD) / (base0 - cell0),
                r.Survival, 15);
            else Assert.True(double.IsNaN(r.Survival), "no clear gain: survival undefined");
        }
        var alone = CountermeasureSummary.Alone(cells);
        Assert.Equal(3, alone.Count);
        foreach (var a in alone)
            Assert.Equal(Eq(c => c.Method == "Base" && c.Defence == a.Defence) - Eq(c => c.Method == "Base"
                && c.Defence == DefenceCatalog.None), a.UnfairnessChange.Mean, 15);
        var shape = ExperimentShape.Of("cm", cells);
        Assert.Equal([FigureKind.SurvivingGain, FigureKind.DefenceDetection, FigureKind.PlausibleTradeOff],
            ExperimentFigures.KindsOf(shape).Where(k => k >= FigureKind.SurvivingGain));
        Assert.DoesNotContain(FigureKind.PlausibleTradeOff, ExperimentFigures.KindsOf(ExperimentShape.Of("cm",
            cells.Where(c => c.Plausible == 0).ToArray())));
        Assert.DoesNotContain(FigureKind.SurvivingGain, ExperimentFigures.KindsOf(ExperimentShape.Of("cm", cells.Where(c
            => c.Defence == DefenceCatalog.None).ToArray())));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
