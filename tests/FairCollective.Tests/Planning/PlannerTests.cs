using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Sources;
using FairCollective.Planning;

namespace FairCollective.Tests.Planning;

/// <summary>The participation planner on files cut from bundled COMPAS: its contract, invariants and
/// refusals.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class PlannerTests
{
    private static readonly Lazy<Dataset> Compas = new(() => DatasetCatalog.Load("compas"));

    /// <summary>The first <paramref name="members"/> minority rows and every tenth majority row (up to
    /// <paramref name="majority"/>).</summary>
    internal static (Dataset Members, Dataset? Majority, PublicNumbers Numbers) Cut(int members, int majority)
    {
        var data = Compas.Value;
        var minorityRows = Enumerable.Range(0, data.RowCount).Where(i => data.Sensitive.Membership[i]).ToArray();
        var majorityRows = Enumerable.Range(0, data.RowCount).Where(i => !data.Sensitive.Membership[i]).Where((_, k)
            => k % 10 == 0).Take(majority).ToArray();
        var numbers = new PublicNumbers
        {
            FirmUsers = data.RowCount * 7 / 10,
            MinorityShare = (double)minorityRows.Length / data.RowCount
        };
        return (data.Select(minorityRows.Take(members).ToArray()), majority == 0 ? null : data.Select(majorityRows),
            numbers);
    }

    private static PlannerOptions Small(int seed = 0, int threads = -1) => new()
    {
        Replicates = 20, Seed = seed,
        MaxDegreeOfParallelism = threads
    };

    [Fact]
    public void APlanRanksThePoolAndForecastsEveryBudgetWithOrderedIntervals()
    {
        var (members, majority, numbers) = Cut(300, 400);
        var plan = Planner.Run(members, majority, numbers, Small());

        int pool = members.Labels.Count(y => y == 0);
        Assert.Equal(pool, plan.PoolSize);
        Assert.Equal(300, plan.Members);
        Assert.Equal(3, plan.Strategies.Count);
        foreach (var s in plan.Strategies)
        {
            // The ranking is a permutation of the pool: members with label 0, each once.
            Assert.Equal(Enumerable.Range(0, 300).Where(i => members.Labels[i] == 0), s.Ranking.Order());
            Assert.Equal(PlannerOptions.DefaultBudgets, s.Budgets.Select(b => b.Share));
            Assert.Equal(s.Budgets.Select(b => (int)Math.Floor(b.Share * pool + 0.5)), s.Budgets.Select(b => b.Flips));
            Assert.All(s.Budgets, b =>
            {
                Assert.True(b.Metric.Low <= b.Metric.Median && b.Metric.Median <= b.Metric.High,
                    $"{s.Strategy} {b.Share}: {b.Metric}");
                Assert.True(b.Error.Low <= b.Error.Median && b.Error.Median <= b.Error.High);
                Assert.InRange(b.Metric.Median, 0, 1);
            });
            // Scores descend along the ranking.
            Assert.True(s.Scores.Zip(s.Scores.Skip(1)).All(p => p.First >= p.Second));
        }
        // No action is the same firm for every strategy, replicate by replicate.
        Assert.Single(plan.Strategies.Select(s => s.Budgets[0]).Distinct());
        // The whole pool flipped is the same set of flips whatever the order.
        Assert.Single(plan.Strategies.Select(s => s.Budgets[^1]).Distinct());
        // The recommendation is the fairest median over strategies and budgets.
        double fairest = plan.Strategies.SelectMany(s => s.Budgets).Min(b => b.Metric.Median);
        Assert.Equal(fairest, plan.Recommended.BestBudget.Metric.Median);
        Assert.Contains(plan.Assumptions, a => a.Contains($"{majority!.RowCount}-row majority sample"));
    }

    [Fact]
    public void TheSameSeedGivesTheSamePlanWhateverTheThreads()
    {
        var (members, majority, numbers) = Cut(200, 200);
        var one = Planner.Run(members, majority, numbers, Small(seed: 3, threads: 1));
        var two = Planner.Run(members, majority, numbers, Small(seed: 3, threads: 2));
        Assert.Equal(Describe(one), Describe(two));
        var other = Planner.Run(members, majority, numbers, Small(seed: 4, threads: 2));
        Assert.NotEqual(Describe(one), Describe(other));
    }

    private static string Describe(Plan p) => string.Join("\n", p.Strategies.SelectMany(s => s.Budgets.Select(b
        => $"{s.Strategy} {b.Share:R} {b.Metric} {b.Error}"))
        .Append(string.Join(",", p.Recommended.Ranking)));

    [Fact]
    public void ATargetAtNoActionIsReachedNowAndAnImpossibleOneIsNotReachable()
    {
        var (members, majority, numbers) = Cut(300, 400);
        var easy = Planner.Run(members, majority, numbers, Small() with
        {
            TargetReduction = 1e-9,
            TargetReplicates = 10,
            Sizes = [0.1, 0.5]
        });
        Assert.NotNull(easy.Target);
        Assert.True(easy.Target!.ReachableNow);
        Assert.True(easy.Target.Reachable);
        Assert.Equal(0.1, easy.Target.NeededShare.Median);
        Assert.Equal((int)Math.Ceiling(0.1 * easy.Population.MinorityUsers), easy.Target.NeededUsers);

        // EqOd exactly 0 on a test population of hundreds is not reached by any budget or size.
        var impossible = Planner.Run(members, majority, numbers, Small() with
        {
            Target = 0,
            TargetReplicates = 10,
            Sizes = [0.2, 1.0]
        });
        Assert.False(impossible.Target!.Reachable);
        Assert.True(double.IsPositiveInfinity(impossible.Target.NeededShare.Median));
        Assert.Null(impossible.Target.NeededUsers);
        Assert.Equal(0, impossible.Target.ReachedReplicates);
    }

    [Fact]
    public void WithoutASampleTheFallbackMajorityNeedsTheBaseRateAndWidensNothingSilently()
    {
        var (members, _, numbers) = Cut(300, 0);
        var missing = Assert.Throws<UserInputException>(() => Planner.Run(members, null, numbers, Small()));
        Assert.Contains("--majority-base-rate", missing.Message);
        var plan = Planner.Run(members, null, numbers with { MajorityBaseRate = 0.6 }, Small());
        Assert.Equal(0, plan.MajoritySampleRows);
        Assert.Contains(plan.Assumptions, a => a.StartsWith("No majority sample was given", StringComparison.Ordinal));
        // With nothing known of the majority the strategies fall back to their documented constant scores.
        Assert.All(plan.Strategies, s => Assert.NotEqual(FairCollective.Collective.PoolScores.AsSpecified,
            s.ScoringRule));
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(190, 0.5)]
    public void ASampleSharesTheMajorityWithTheFallbackByItsRows(int priorRows, double sampleShare)
    {
        // m = 190 sample rows beside a prior of m0 rows: the sample is m/(m + m0) of the majority; the draws' weights
        // add up to it.
        var (members, majority, numbers) = Cut(120, 190);
        Assert.Equal(190, majority!.RowCount);
        var input = PlannerInput.From(members, majority);
        var world = World.Of(input, numbers, priorRows);
        Assert.Equal(sampleShare, world.SampleShare, 12);
        Assert.Equal(priorRows == 0 ? 0 : 120, world.FallbackRows);
        var draws = world.Draw(new Random(5));
        var counts = new int[world.MajoritySourceCount];
        foreach (int d in draws) counts[d]++;
        double sample = Enumerable.Range(0, world.SampleRows).Sum(j => world.Weight(j, counts[j], 1000));
        double fallback = Enumerable.Range(world.SampleRows, world.FallbackRows).Sum(j => world.Weight(j, counts[j],
            1000));
        Assert.Equal(1000 * sampleShare, sample, 9);
        Assert.Equal(1000 * (1 - sampleShare), fallback, 9);
        // The fallback's rate is the sample's, smoothed, when none is published.
        if (priorRows > 0) Assert.Equal((majority.Labels.Sum() + 1.0) / 192, world.FallbackRate, 12);
    }

    [Fact]
    public void MembersOutsideTheMinorityAreRefusedNamingTheRow()
    {
        var data = Compas.Value;
        int majorityRow = Enumerable.Range(0, data.RowCount).First(i => !data.Sensitive.Membership[i]);
        var mixed = data.Select(Enumerable.Range(0, data.RowCount).Where(i
            => data.Sensitive.Membership[i]).Take(5).Append(majorityRow).ToArray());
        var e = Assert.Throws<UserInputException>(() => Planner.Run(mixed, null, new PublicNumbers
        {
            FirmUsers = 5000,
            MinorityUsers = 2000, MajorityBaseRate = 0.5
        }, Small()));
        Assert.Contains("row 6", e.Message);
        Assert.Contains("not in the minority", e.Message);
    }

    [Fact]
    public void AMajoritySampleWithOneLabelIsRefused()
    {
        var data = Compas.Value;
        var (members, _, numbers) = Cut(100, 0);
        var ones = data.Select(Enumerable.Range(0, data.RowCount).Where(i => !data.Sensitive.Membership[i]
            && data.Labels[i] == 1).Take(30).ToArray());
        var e = Assert.Throws<UserInputException>(() => Planner.Run(members, ones, numbers, Small()));
        Assert.Contains("all have label 1", e.Message);
    }

    [Theory]
    [InlineData(null, null, 0.4, "give two of --firm-users, --minority-users and --minority-share")]
    [InlineData(1000, 500, 0.3, "--minority-share 0.3 contradicts --minority-users 500 of --firm-users 1000")]
    [InlineData(1000, 50, null, "a collective cannot be larger than its minority")]
    [InlineData(1000, 1000, null, "must be smaller than the firm's users")]
    [InlineData(-5, null, 0.5, "--firm-users must be a positive whole number")]
    public void PublicNumbersThatContradictTheFilesAreRefused(int? firm, int? minority, double? share, string expected)
    {
        var numbers = new PublicNumbers { FirmUsers = firm, MinorityUsers = minority, MinorityShare = share };
        var e = Assert.Throws<UserInputException>(() => numbers.Resolve(members: 100));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void AnyTwoSizesFixThePopulation()
    {
        Assert.Equal(new Population(1000, 400, 429), new PublicNumbers
        {
            FirmUsers = 1000,
            MinorityShare = 0.4
        }.Resolve(10));
        Assert.Equal(new Population(1000, 400, 429), new PublicNumbers
        {
            MinorityUsers = 400,
            MinorityShare = 0.4
        }.Resolve(10));
        Assert.Equal(new Population(1000, 400, 77), new PublicNumbers
        {
            FirmUsers = 1000, MinorityUsers = 400,
            MinorityShare = 0.401, EvaluationUsers = 77
        }.Resolve(10));
    }

    [Fact]
    public void TheWholeMinorityWithEveryMajorityRowPredictsTheFirmItWouldTrain()
    {
        // The collective is the whole minority and knows every majority row: the surrogate's training data are the
        // firm's, up to the bootstrap of the majority, so the forecast without action must sit near the firm's own
        // in-sample EqOd.
        var data = Compas.Value;
        var minority = Enumerable.Range(0, data.RowCount).Where(i => data.Sensitive.Membership[i]).ToArray();
        var majority = Enumerable.Range(0, data.RowCount).Where(i => !data.Sensitive.Membership[i]).ToArray();
        var numbers = new PublicNumbers
        {
            FirmUsers = data.RowCount, MinorityUsers = minority.Length,
            EvaluationUsers = 100_000
        };
        var plan = Planner.Run(data.Select(minority), data.Select(majority), numbers,
            Small() with { Strategies = ["RB-prob"], Budgets = [0] });

        var all = Enumerable.Range(0, data.RowCount).ToArray();
        var encoder = FairCollective.Data.Encoding.TabularEncoder.Fit(data, all);
        var x = encoder.Transform(data);
        var firm = new FairCollective.Learning.Logistic.LogisticRegressionTrainer().Fit(x, data.Labels);
        var report = FairCollective.Fairness.FairnessReport.Compute(data.Labels, firm.Predict(x),
            data.Sensitive.Membership.Select(m => m ? "a" : "b").ToArray(), ["a"]);
        Assert.InRange(plan.Recommended.Budgets[0].Metric.Median, report.EqOd - 0.03, report.EqOd + 0.03);
    }
}
