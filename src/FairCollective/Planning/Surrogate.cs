using FairCollective.Data;
using FairCollective.Fairness;
using FairCollective.Learning;

namespace FairCollective.Planning;

/// <summary>
/// One bootstrap replicate of the firm's world as the collective can picture it (docs/planner.md): the firm's training
/// users are the collective's members themselves, the rest of the minority as a bootstrap resample of the members, and
/// the majority as a bootstrap resample of its picture (<see cref="World"/>: the sample, the fallback majority, or both
/// mixed), each block weighted up to its public size; the firm's test users are drawn from the same resamples, as many
/// as the firm measures on. Rows are held once with weights, not repeated, so a replicate costs a fit on about as many
/// rows as the collective knows.
/// </summary>
internal sealed class Surrogate
{
    private readonly int[] _memberRow;     // training row of each member in the collective block; -1 when not in it
    private readonly int[] _baseLabels;
    private readonly long[] _testMinority; // test users drawn per member row
    private readonly long[] _testMajority1, _testMajority0; // test users per majority source row, by label

    private Surrogate(DesignMatrix x, int[] labels, double[] weights, int[] memberRow, long[] testMinority,
        long[] testMajority1, long[] testMajority0)
    {
        X = x;
        _baseLabels = labels;
        Weights = weights;
        _memberRow = memberRow;
        _testMinority = testMinority;
        _testMajority1 = testMajority1;
        _testMajority0 = testMajority0;
    }

    /// <summary>The training rows, each held once.</summary>
    public DesignMatrix X { get; }

    /// <summary>Each training row's weight: how many of the firm's users it stands for.</summary>
    public double[] Weights { get; }

    /// <summary>The training labels before any flip.</summary>
    public int[] Labels => _baseLabels;

    /// <summary>
    /// Draws replicate <paramref name="rng"/> of the world. <paramref name="collective"/> gives how many of the firm's
    /// users each member row stands for inside the collective (1 for each real member; more for hypothetical members
    /// copied from it in a size search; 0 outside the collective); <paramref name="otherMinority"/> users of the
    /// minority are outside it.
    /// </summary>
    public static Surrogate Draw(PlannerInput input, World world, Population population, double[] collective,
        long otherMinority,
        int[] memberDraws, int[] majorityDraws, Random rng)
    {
        int nc = input.MemberCount;
        var memberCounts = Counts(memberDraws, nc);
        var majorityCounts = Counts(majorityDraws, world.MajoritySourceCount);
        int[] majorityLabels = world.MajorityLabels(rng);

        var rows = new List<int>();
        var labels = new List<int>();
        var weights = new List<double>();
        var memberRow = new int[nc];
        for (int i = 0; i < nc; i++)
        {
            memberRow[i] = -1;
            if (collective[i] <= 0) continue;
            memberRow[i] = rows.Count;
            rows.Add(i);
            labels.Add(input.Y[i]);
            weights.Add(collective[i]);
        }
        if (otherMinority > 0)
            for (int i = 0; i < nc; i++)
                if (memberCounts[i] > 0)
                {
                    rows.Add(i);
                    labels.Add(input.Y[i]);
                    weights.Add((double)otherMinority * memberCounts[i] / nc);
                }
        for (int j = 0; j < world.MajoritySourceCount; j++)
            if (majorityCounts[j] > 0)
            {
                rows.Add(world.MajoritySourceRow(j));
                labels.Add(majorityLabels[j]);
                weights.Add(world.Weight(j, majorityCounts[j], population.MajorityUsers));
            }

        // The firm's test users: fresh draws from the same resamples, as many as it measures on, split by the groups'
        // shares.
        int testMinorityUsers = Math.Clamp((int)Math.Round(population.EvaluationUsers * population.MinorityShare), 1,
            Math.Max(1, population.EvaluationUsers - 1));
        int testMajorityUsers = Math.Max(1, population.EvaluationUsers - testMinorityUsers);
        var testMinority = new long[nc];
        for (int t = 0; t < testMinorityUsers; t++) testMinority[memberDraws[rng.Next(memberDraws.Length)]]++;
        var testMajority1 = new long[world.MajoritySourceCount];
        var testMajority0 = new long[world.MajoritySourceCount];
        for (int t = 0; t < testMajorityUsers; t++)
        {
            int j = world.TestSource(majorityDraws, t, testMajorityUsers, rng);
            if (world.Label(j, rng) == 1) testMajority1[j]++;
            else testMajority0[j]++;
        }
        return new Surrogate(input.X.SelectRows(rows), [.. labels], [.. weights], memberRow, testMinority,
            testMajority1, testMajority0);
    }

    /// <summary>The training labels with the members <paramref name="flipped"/> relabelled 0 -> 1.</summary>
    public int[] LabelsWithFlips(IEnumerable<int> flipped)
    {
        var y = (int[])_baseLabels.Clone();
        foreach (int member in flipped)
            if (_memberRow[member] >= 0) y[_memberRow[member]] = 1;
        return y;
    }

    /// <summary>
    /// The fairness metric and error rate of a firm on this replicate's test users, from its predictions of every
    /// member row and of every majority source row (<see cref="World"/>); <paramref name="values"/> is scratch of
    /// <see cref="FairnessEvaluator.MetricCount"/> entries.
    /// </summary>
    public (double Metric, double Error) Measure(int[] memberPredictions, int[] majorityPredictions, int[] memberLabels,
        FairnessMetric metric, Span<double> values)
    {
        Span<ConfusionCounts> perGroup = stackalloc ConfusionCounts[2];
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < _testMinority.Length; i++)
        {
            long c = _testMinority[i];
            if (c == 0) continue;
            Add(memberLabels[i], memberPredictions[i], c, ref tp, ref fp, ref tn, ref fn);
        }
        perGroup[1] = new ConfusionCounts(TruePositives: tp, FalsePositives: fp, TrueNegatives: tn, FalseNegatives: fn);
        tp = fp = tn = fn = 0;
        for (int j = 0; j < _testMajority1.Length; j++)
        {
            if (_testMajority1[j] > 0) Add(1, majorityPredictions[j], _testMajority1[j], ref tp, ref fp, ref tn,
                ref fn);
            if (_testMajority0[j] > 0) Add(0, majorityPredictions[j], _testMajority0[j], ref tp, ref fp, ref tn,
                ref fn);
        }
        perGroup[0] = new ConfusionCounts(TruePositives: tp, FalsePositives: fp, TrueNegatives: tn, FalseNegatives: fn);
        FairnessEvaluator.Evaluate(perGroup, IsMinorityGroup, UndefinedRate.NaN, values);
        return (values[(int)metric], values[(int)FairnessMetric.ErrorRate]);
    }

    private static readonly bool[] IsMinorityGroup = [false, true];

    private static void Add(int y, int prediction, long count, ref long tp, ref long fp, ref long tn, ref long fn)
    {
        if (y == 1) { if (prediction == 1) tp += count; else fn += count; }
        else { if (prediction == 1) fp += count; else tn += count; }
    }

    private static int[] Counts(int[] draws, int n)
    {
        var counts = new int[n];
        foreach (int d in draws) counts[d]++;
        return counts;
    }
}
