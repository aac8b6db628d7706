using System.Globalization;
using FairCollective.Common;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;
using FairCollective.Reporting;
using FairCollective.Reporting.Content;
using FairCollective.Reporting.Figures;

namespace FairCollective.Tests.Reporting;

/// <summary>
/// A plausible results store for every experiment the report knows, shaped like the paper's findings (EqOd falls with
/// alpha and saturates, is V-shaped in the budget, Random is least efficient, firm-side methods buy fairness with
/// error), with seeded noise so seeds differ. Only the synthetic experiment's cells carry S(alpha), as in a real store
/// (only data with a known counterfactual yields it). Values are invented: the report's tests check layout and
/// arithmetic, not science.
/// </summary>
public static class SyntheticResults
{
    public static readonly string[] Strategies = ["RB-prob", "RB-label", "RB-dist", "Random"];
    public static readonly string[] Datasets = ["acs-income", "compas"];
    public static readonly int[] SeedList = [0, 1, 2];
    public const double BaseEqOd = 0.20;
    public const double BaseError = 0.30;
    private const int MinorityRows = 1000;
    private const double PoolShare = 0.6;

    /// <summary>A label written to show data stays text: HTML, a table pipe, emphasis, a code span and a line
    /// break.</summary>
    public const string HostileLabel = "<img src=x onerror=alert(1)> a|b *bold* `code`\nnext";

    public static IReadOnlyList<CellRecord> Cells()
    {
        var cells = new List<CellRecord>();
        foreach (var dataset in Datasets)
            foreach (var seed in SeedList)
            {
                foreach (var experiment in new[] { "collective-size", "flip-efficiency", "limited-info", "firm-side" })
                    cells.Add(Base(experiment, dataset, seed));
                foreach (var alpha in Enumerable.Range(0, 9).Select(i => i * 0.05))
                    foreach (var frac in new[] { 0.25, 0.5, 0.75, 1.0 })
                        foreach (var s in Strategies)
                            cells.Add(Strategy("collective-size", dataset, s, seed, alpha, frac, null));
                // 0 to the whole pool at alpha = 0.3 (180 rows): a stored cell can never flip more than its pool.
                foreach (var flips in Enumerable.Range(0, 11).Select(i => i * 18))
                    foreach (var s in Strategies)
                        cells.Add(Strategy("flip-efficiency", dataset, s, seed, 0.3,
                            flips / (0.3 * MinorityRows * PoolShare), null) with
                        { Budget = $"{flips} flips" });
                foreach (var m in new int?[] { null, 10 })
                    foreach (var alpha in new[] { 0.1, 0.2, 0.3, 0.4 })
                        foreach (var frac in new[] { 0.25, 0.5, 0.75, 1.0 })
                            foreach (var s in Strategies.Take(3))
                                cells.Add(Strategy("limited-info", dataset, s, seed, alpha, frac, m));
                foreach (var method in new[] { "FARE", "CalibratedEqOdds" })
                    foreach (var knob in Enumerable.Range(0, 6).Select(i => i * 0.2))
                        cells.Add(Firm(dataset, method, seed, knob));
                foreach (var alpha in new[] { 0.1, 0.2, 0.3 })
                    foreach (var frac in new[] { 0.5, 1.0 })
                        cells.Add(Strategy("firm-side", dataset, "RB-prob", seed, alpha, frac, null));
            }
        foreach (var seed in SeedList)
        {
            cells.Add(Base("synthetic", "synthetic-causal", seed) with
            {
                Metrics = Metrics(BaseEqOd, BaseError, seed,
                "s", 0.55)
            });
            foreach (var alpha in Enumerable.Range(0, 9).Select(i => i * 0.05))
                foreach (var frac in new[] { 0.5, 1.0 })
                    foreach (var s in Strategies.Append("Oracle"))
                        cells.Add(Strategy("synthetic", "synthetic-causal", s, seed, alpha, frac, null));
            cells.Add(Base("toy", "toy-2d", seed));
        }
        return cells;
    }

    public static IReadOnlyList<RunInfo> Runs() =>
        new[] { "collective-size", "flip-efficiency", "limited-info", "firm-side", "synthetic", "toy" }
            .Select((e, i) => new RunInfo($"run-{i}", e, $"2026-11-25T0{i}:00:00.0000000Z",
                $$"""{"experiment":"{{e}}","datasets":["acs-income","compas"],"seeds":[0,1,2],""" +
                "\"note\":\"<test & check>\"}",
                """{"faircollective":"0.1.0","dotnet":"10.0","os":"linux"}"""))
            .ToArray();

    /// <summary>The paper's toy: two Gaussian blobs per group, 6 minority points flipped, boundaries before and
    /// after.</summary>
    public static ToyFigureData Toy()
    {
        var rng = Seeds.Create(0, "test-toy");
        var points = new List<ToyPoint>();
        for (int i = 0; i < 80; i++)
        {
            bool minority = i % 4 == 0;
            int label = i % 2;
            double cx = label == 1 ? 1.0 : -1.0, cy = minority ? -0.8 : 0.4;
            points.Add(new ToyPoint(cx + Normal(rng) * 0.7, cy + Normal(rng) * 0.7, minority, label, false));
        }
        var flippedIndex = points.Select((p, i) => (p, i)).Where(t => t.p.IsMinority
            && t.p.Label == 0).OrderByDescending(t => t.p.X1).Take(6).Select(t => t.i).ToArray();
        foreach (var i in flippedIndex) points[i] = points[i] with { Label = 1, Flipped = true };
        return new ToyFigureData(points, new LinearBoundary(2.0, 0.6, -0.3), new LinearBoundary(2.0, 0.2, 0.1), 0.15,
            0.15, 0.13, 0.03);
    }

    private static CellRecord Base(string experiment, string dataset, int seed) => new()
    {
        Experiment = experiment, Dataset = dataset, Learner = "logistic", Method = "Base", Seed = seed,
        Metrics = Metrics(BaseEqOd, BaseError, seed, "base-" + dataset), Seconds = 0.05 + seed * 0.01,
    };

    /// <summary>EqOd falls with the flips made relative to what alpha can fix, overshoots past it (V shape), saturates
    /// in alpha.</summary>
    private static CellRecord Strategy(string experiment, string dataset, string strategy, int seed, double alpha,
        double frac, int? m)
    {
        int pool = (int)(alpha * MinorityRows * PoolShare);
        int flips = (int)Math.Round(frac * pool);
        double efficiency = strategy switch
        {
            "Oracle" => 1.3,
            "RB-prob" => 1.1,
            "RB-label" => 1.0,
            "RB-dist" => 0.95,
            _
            => 0.7
        } - (m is null ? 0 : 0.05);
        double needed = 150;
        double progress = flips * efficiency / needed;
        double eqod = 0.02 + Math.Abs(BaseEqOd - 0.02 - 0.18 * Math.Min(progress, 1.0) + 0.1 * Math.Max(0,
            progress - 1.2));
        double error = BaseError + 0.00005 * flips / efficiency;
        double success = Math.Min(1, 0.55 + 0.45 * Math.Min(1, alpha / 0.3) * efficiency / 1.3);
        return new CellRecord
        {
            Experiment = experiment, Dataset = dataset, Learner = "logistic", Method = strategy, Seed = seed, Alpha =
                alpha,
            Members = (int)(alpha * MinorityRows), MajorityRows = m, Budget = frac.ToString("0.##",
                CultureInfo.InvariantCulture) + " of pool",
            Flips = flips, PoolSize = pool, Metrics = Metrics(eqod, error, seed,
                $"{experiment}-{dataset}-{strategy}-{alpha}-{frac}-{m}", experiment == "synthetic" ? success : null),
            Seconds = 0.1 + 0.001 * flips,
        };
    }

    private static CellRecord Firm(string dataset, string method, int seed, double knob) => new()
    {
        Experiment = "firm-side", Dataset = dataset, Learner = "logistic", Method = method, Seed = seed, Knob = knob,
        Metrics = Metrics(BaseEqOd * (1 - knob) + 0.01, BaseError + 0.12 * knob * knob + (method == "FARE" ? 0.02 : 0),
            seed, $"{dataset}-{method}-{knob}"),
        Seconds = 0.5,
    };

    private static Dictionary<string, double> Metrics(double eqod, double error, int seed, string purpose,
        double? success = null)
    {
        var rng = Seeds.Create(seed, purpose);
        var m = new Dictionary<string, double>
        {
            [MetricKeys.EqOd] = Math.Max(0, eqod + Normal(rng) * 0.01),
            [MetricKeys.Error] = error + Normal(rng) * 0.004,
        };
        if (success is { } s) m[MetricKeys.CounterfactualSuccess] = Math.Clamp(s + Normal(rng) * 0.02, 0, 1);
        return m;
    }

    private static double Normal(Random rng)
        => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
