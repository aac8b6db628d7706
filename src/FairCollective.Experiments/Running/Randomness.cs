using System.Security.Cryptography;
using System.Text;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Data.Splitting;

namespace FairCollective.Experiments.Running;

/// <summary>
/// Every random choice of one (dataset, seed), in training-row numbers where it concerns training rows: the split,
/// the minority's collective order, the Random strategy's priorities, and the known-majority sample for each m.
/// Generated from the seed, or imported from another implementation (<see cref="RandomnessFiles"/>) so results can be
/// compared cell by cell. Its hash is part of every cell's key: the key covers the randomness actually used, so
/// identical imports and generated draws share cells, and any other import gets its own.
/// </summary>
public sealed class Randomness
{
    private readonly Dictionary<int, int[]> _samples;

    private Randomness(DataSplit split, int[] order, double[] priorities, Dictionary<int, int[]> samples,
        IReadOnlyList<string>? imported = null)
    {
        Split = split;
        Order = order;
        Priorities = priorities;
        _samples = samples;
        Imported = imported ?? [];
    }

    /// <summary>Name of the split among <see cref="Parts"/>.</summary>
    public const string SplitPart = "split";

    /// <summary>Name of the collective order among <see cref="Parts"/>.</summary>
    public const string OrderPart = "collective order";

    /// <summary>Name of the Random strategy's priorities among <see cref="Parts"/>.</summary>
    public const string PrioritiesPart = "Random priorities";

    /// <summary>Name of the known-majority sample of m rows among <see cref="Parts"/>.</summary>
    public static string SamplePart(int m)
        => $"majority sample m={m.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Every part of these draws, by name: the split, the collective order, the Random priorities and each m's
    /// sample.</summary>
    public IReadOnlyList<string> Parts => [SplitPart, OrderPart, PrioritiesPart, .. SampleSizes.Select(SamplePart)];

    /// <summary>The parts imported from files (<see cref="RandomnessFiles"/>), in <see cref="Parts"/> order; empty for
    /// seeded draws.</summary>
    public IReadOnlyList<string> Imported { get; }

    /// <summary>The split, in dataset rows.</summary>
    public DataSplit Split { get; }

    /// <summary>The minority's training rows in collective order (the collective of n members is the first
    /// n).</summary>
    public int[] Order { get; }

    /// <summary>The Random strategy's priority per training row.</summary>
    public double[] Priorities { get; }

    /// <summary>The m values with a known-majority sample.</summary>
    public IEnumerable<int> SampleSizes => _samples.Keys.Order();

    /// <summary>The known majority training rows for m (null = every majority training row), ascending.</summary>
    public int[] Known(PreparedSplit split, int? m)
        => m is { } size ? _samples[size] : split.MajorityTrainRows.ToArray();

    /// <summary>The seeded draws of FairCollective for <paramref name="split"/> (prepared from
    /// <paramref name="dataSplit"/>).</summary>
    public static Randomness Generate(DataSplit dataSplit, PreparedSplit split, IEnumerable<int> sampleSizes) => new(
        dataSplit, new CollectiveOrder(split.MinorityTrainRows, split.Seed).Order.ToArray(),
        MinorityOnly(RandomStrategy.DefaultPriorities(split.TrainY.Length, split.Seed), split),
        sampleSizes.Distinct().ToDictionary(m => m, m => MajorityKnowledge.Known(split.MajorityTrainRows, m,
            split.Seed)));

    // Random ranks pool members only, who are minority rows: the other rows' priorities are never read (NaN), so an
    // import needs to give the minority's alone and still hashes like the seeded draws.
    private static double[] MinorityOnly(double[] priorities, PreparedSplit split)
    {
        foreach (int r in split.MajorityTrainRows) priorities[r] = double.NaN;
        return priorities;
    }

    /// <summary>
    /// Imported draws, each part falling back to the seeded one where none was given (checked by
    /// <see cref="RandomnessFiles"/>); <paramref name="splitImported"/> says whether <paramref name="dataSplit"/> came
    /// from a file. <see cref="Imported"/> names what did.
    /// </summary>
    public static Randomness Of(DataSplit dataSplit, PreparedSplit split, int[]? order, double[]? priorities,
        IReadOnlyDictionary<int, int[]> samples, IEnumerable<int> sampleSizes,
        bool splitImported = false)
    {
        var generated = Generate(dataSplit, split, sampleSizes.Where(m => !samples.ContainsKey(m)));
        var all = new Dictionary<int, int[]>(generated._samples);
        foreach (var (m, rows) in samples) all[m] = rows;
        var imported = new List<string>();
        if (splitImported) imported.Add(SplitPart);
        if (order is not null) imported.Add(OrderPart);
        if (priorities is not null) imported.Add(PrioritiesPart);
        imported.AddRange(samples.Keys.Order().Select(SamplePart));
        return new Randomness(dataSplit, order ?? generated.Order, priorities ?? generated.Priorities, all, imported);
    }

    // The hash of each m, computed once: a plan asks for it in every cell of the (dataset, seed), and the draws never
    // change. Keyed by m, with -1 for "every majority row" (m itself is at least 1).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _sha256 = new();

    /// <summary>SHA-256 (hex) of the split, the order, the priorities and the sample for <paramref name="m"/>: what a
    /// cell with that m depends on.</summary>
    public string Sha256(int? m) => _sha256.GetOrAdd(m ?? -1, _ => ComputeSha256(m));

    private string ComputeSha256(int? m)
    {
        var text = new StringBuilder();
        text.Append("train:").AppendJoin(',', Split.Train).Append("\nvalidation:").AppendJoin(',',
            Split.Validation).Append("\ntest:").AppendJoin(',', Split.Test)
            .Append("\norder:").AppendJoin(',', Order)
            .Append("\npriorities:").AppendJoin(',', Priorities.Select(p => p.ToString("R",
                System.Globalization.CultureInfo.InvariantCulture)))
            .Append("\nknown:").Append(m is { } size ? string.Join(',', _samples[size]) : "all");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
