using FairCollective.Collective;
using FairCollective.Common;
using FairCollective.Data.Sources;
using FairCollective.Data.Synthetic;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;

namespace FairCollective.Tests.Collective;

/// <summary>The ideal relabelling as an action, and every strategy measured against it at the ideal's own count
/// M*.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public sealed class IdealRelabellingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-ideal-").FullName;

    [Fact]
    public void TheIdealSetIsThePoolMembersWithP0AtLeastOneHalf()
    {
        // Training rows 0..5 with hand-set P0; the pool is rows 1, 2, 4, 5: P0 0.49, 0.5, 0.9, 0.1 -> rows 2 and 4
        // flip.
        double[] p0 = [0.99, 0.49, 0.5, 0.7, 0.9, 0.1];
        int[] pool = [1, 2, 4, 5];
        var flags = IdealRelabelling.Flags(pool, p0);
        Assert.Equal([false, true, true, false], flags);
        Assert.Equal(2, IdealRelabelling.Count(flags));
        Assert.Equal(2, FlipBudget.Ideal.FlipCount(pool.Length, IdealRelabelling.Count(flags)));
        Assert.Equal("ideal M*", FlipBudget.Ideal.ToString());
        Assert.Contains("needs synthetic data", Assert.Throws<UserInputException>(()
            => FlipBudget.Ideal.FlipCount(4)).Message);
        // Ranked by P0 itself (the Oracle's scores), the first M* are exactly the ideal set: precision 1, rank
        // correlation 1.
        var ranking = Ranking.Rank(pool.Select(r => p0[r]).ToArray(), pool, TieRule.RowIndex, 0);
        Assert.Equal(1.0, IdealRelabelling.Precision(ranking, 2, flags));
        Assert.Equal(1.0, IdealRelabelling.RankCorrelation(pool.Select(r => p0[r]).ToArray(), pool, p0), 12);
        // The reverse order flips the two the ideal leaves alone.
        Assert.Equal(0.0, IdealRelabelling.Precision([3, 0, 1, 2], 2, flags));
        Assert.Equal(0.5, IdealRelabelling.Precision([3, 2, 1, 0], 2, flags));
        Assert.True(double.IsNaN(IdealRelabelling.Precision(ranking, 0, flags)));
    }

    [Fact]
    public void TheOracleAtTheIdealBudgetFlipsExactlyTheIdealSet()
    {
        var sample = SyntheticGenerator.Generate(new SyntheticOptions { Seed = 3 });
        var split = FairCollective.Data.Splitting.SplitPreparation.Prepare("s", sample.Data,
            FairCollective.Data.Encoding.EncoderOptions.Default, sample, 0, 0.3);
        var p0 = split.TrainP0AtCounterfactual!;
        var r = CollectiveAction.Run(split.TrainX, split.TrainY, split.TrainGroups,
            new CollectiveActionOptions
            {
                Strategy = "Oracle", Size = CollectiveSize.Share(0.4),
                Budget = FlipBudget.Ideal, Seed = 0
            }, oracleP0: p0);
        Assert.Equal(r.Pool.Where(i => p0[i] >= 0.5).Order(), r.Flipped);
        Assert.NotEmpty(r.Flipped);
    }

    [Fact]
    public void RandomFlipsHitTheIdealSetAtItsShareOfThePool()
    {
        // A pool of 200 with 60 ideal members: random rankings at M* = 60 flips hit 60/200 = 0.3 in expectation
        // (hypergeometric, sd sqrt(60 * 0.3 * 0.7 * 140/199) / 60 = 0.050 per draw); over 400 seeded draws the mean
        // lies within 3 standard errors (0.0075) of 0.3.
        var flags = Enumerable.Range(0, 200).Select(i => i % 10 < 3).ToArray();
        var hits = Enumerable.Range(0, 400).Select(seed =>
        {
            var rng = Seeds.Create(seed, "ideal-random-test");
            var order = Enumerable.Range(0, 200).OrderBy(_ => rng.NextDouble()).ToArray();
            return IdealRelabelling.Precision(order, 60, flags);
        }).ToArray();
        Assert.InRange(hits.Average(), 0.3 - 0.0075, 0.3 + 0.0075);
    }

    [Fact]
    public void AMatchedRunStoresThePrecisionAndTheOracleReachesOne()
    {
        var spec = SpecParser.Parse("name: m\ndatasets: [\"synthetic(weight_norm=1)\"]\nstrategies: [RB-prob, " +
            "Random, Oracle]\nalphas: [0.2, 0.4]\nbudgets: {fractions: [0.5], ideal: true}\nseeds: [0, 1, 2, 3, 4, " +
            "5]\n", "m.yaml");
        Assert.Contains(FlipBudget.Ideal, spec.Budgets);
        Assert.Contains("\"ideal\":true", SpecWriter.Write(spec));
        using var store = ResultsStore.Open(Path.Combine(_dir, "m.sqlite"));
        new ExperimentRunner(new RunnerOptions(), SilentProgress.Instance).Run(spec, store);
        var cells = store.Cells();
        var ideal = cells.Where(c => c.Budget == FlipBudget.IdealText).ToArray();
        Assert.Equal(3 * 2 * 6, ideal.Length);
        // Every strategy at one (seed, alpha) flips the same M*, the ideal's count.
        Assert.All(ideal.GroupBy(c => (c.Seed, c.Alpha)), g => Assert.Single(g.Select(c => c.Flips).Distinct()));
        Assert.All(ideal, c => Assert.Equal(c.Metrics[MetricKeys.IdealFlips], c.Flips));
        Assert.All(ideal.Where(c => c.Method == "Oracle"), c => Assert.Equal(1.0,
            c.Metrics[MetricKeys.IdealPrecision]));
        // Budget-grid cells carry the comparison too: a share of their flips the ideal also makes.
        Assert.All(cells.Where(c => c.Budget == "0.5 of pool" && c.Flips > 0), c
            => Assert.InRange(c.Metrics[MetricKeys.IdealPrecision], 0, 1));
        var rows = IdealComparison.Rows(cells);
        var random = rows.Where(r => r.Method == "Random").ToArray();
        Assert.All(random, r => Assert.InRange(r.Precision.Mean,
            r.PoolShare - 3 * r.Precision.Std / Math.Sqrt(r.Seeds) - 0.02,
            r.PoolShare + 3 * r.Precision.Std / Math.Sqrt(r.Seeds) + 0.02));
        Assert.All(rows.Where(r => r.Method == "RB-prob"), r => Assert.True(r.Precision.Mean > rows.Single(x
            => x.Method == "Random" && x.Alpha == r.Alpha).Precision.Mean + 0.2));
    }

    [Fact]
    public void AParameterisedSyntheticNameSetsTheGenerator()
    {
        var options = SyntheticName.Parse("synthetic(weight_norm=0.5, bias_gap=2, rows=300)");
        Assert.Equal(0.5, options.WeightNorm);
        Assert.Equal(2, options.BiasGap);
        Assert.Equal(300, options.RowCount);
        var data = DatasetCatalog.Load("synthetic(weight_norm=0.5, rows=300)");
        Assert.Equal(300, data.RowCount);
        Assert.Equal("synthetic(weight_norm=0.5, rows=300)", data.Name);
        Assert.NotEqual(DatasetCatalog.Load("synthetic").Identity, data.Identity);
        Assert.Contains("unknown setting 'weight'", Assert.Throws<UserInputException>(()
            => SyntheticName.Parse("synthetic(weight=1)")).Message);
        Assert.Contains("'rows' must be a whole number", Assert.Throws<UserInputException>(()
            => SyntheticName.Parse("synthetic(rows=2.5)")).Message);
        Assert.Contains("given twice", Assert.Throws<UserInputException>(()
            => SyntheticName.Parse("synthetic(seed=1, seed=2)")).Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
