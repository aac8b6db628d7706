using System.Globalization;
using System.Text;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Csv;
using FairCollective.Data.Splitting;

namespace FairCollective.Experiments.Running;

/// <summary>
/// Reads and writes a run's <see cref="Randomness"/> as CSV files keyed by row id (the dataset's ids: a spec's
/// <c>id</c> column, or the loader's row numbers), so another implementation can use exactly the same split,
/// collective order, Random priorities and known-majority samples, and FairCollective can use another's. Layout:
/// <c>DIR/&lt;dataset&gt;/seed-&lt;s&gt;/</c> with <c>split.csv</c> (id,part: train or test),
/// <c>collective_order.csv</c> (id, first member first), <c>random_priorities.csv</c> (id,priority for every minority
/// training row, or for the candidates alone: those labelled 0, the only rows Random ranks; higher flips first unless
/// the spec says <c>lowest-first</c>) and <c>majority_sample_m&lt;m&gt;.csv</c> (id). Every file is optional on import;
/// every one given is checked (unknown or repeated ids, rows of the wrong group or split, wrong counts are errors
/// naming file and line).
/// </summary>
public static class RandomnessFiles
{
    /// <summary>File of the split.</summary>
    public const string SplitFile = "split.csv";

    /// <summary>File of the collective order.</summary>
    public const string OrderFile = "collective_order.csv";

    /// <summary>File of the Random strategy's priorities.</summary>
    public const string PrioritiesFile = "random_priorities.csv";

    /// <summary>
    /// The folder of one dataset and seed under <paramref name="root"/>: the dataset's name as it is, which must be a
    /// file name (<see cref="FileNameRule"/>; a name such as <c>..</c> is refused, not rewritten).
    /// </summary>
    public static string Folder(string root, string dataset, int seed) =>
        Path.Combine(FileNameRule.Join(root, dataset, "dataset name"),
            $"seed-{seed.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The file of the known-majority sample of size <paramref name="m"/>.</summary>
    public static string SampleFile(int m) => $"majority_sample_m{m.ToString(CultureInfo.InvariantCulture)}.csv";

    /// <summary>Writes <paramref name="randomness"/> of <paramref name="split"/> (of <paramref name="data"/>) into its
    /// folder under <paramref name="root"/>.</summary>
    public static void Write(string root, Dataset data, PreparedSplit split, Randomness randomness)
    {
        string dir = Folder(root, split.Dataset, split.Seed);
        var ids = data.Ids;
        var trainIds = randomness.Split.Train.Select(r => ids[r]).ToArray();
        var text = new StringBuilder("id,part\n");
        foreach (int r in Enumerable.Range(0, data.RowCount))
            if (Array.BinarySearch(randomness.Split.Train, r) >= 0) text.Append(Csv(ids[r])).Append(",train\n");
            else if (Array.BinarySearch(randomness.Split.Test, r) >= 0) text.Append(Csv(ids[r])).Append(",test\n");
            else if (Array.BinarySearch(randomness.Split.Validation,
                r) >= 0) text.Append(Csv(ids[r])).Append(",validation\n");
        AtomicFile.WriteAllText(Path.Combine(dir, SplitFile), text.ToString());
        AtomicFile.WriteAllText(Path.Combine(dir, OrderFile), "id\n" + string.Concat(randomness.Order.Select(t
            => Csv(trainIds[t]) + "\n")));
        // The rows that have a priority: every minority training row, or the candidates when only theirs were imported.
        AtomicFile.WriteAllText(Path.Combine(dir, PrioritiesFile),
            "id,priority\n" + string.Concat(split.MinorityTrainRows.Where(t => !double.IsNaN(randomness.Priorities[t]))
            .Select(t
                => $"{Csv(trainIds[t])},{randomness.Priorities[t].ToString("R", CultureInfo.InvariantCulture)}\n")));
        foreach (int m in randomness.SampleSizes)
            AtomicFile.WriteAllText(Path.Combine(dir, SampleFile(m)), "id\n" + string.Concat(randomness.Known(split,
                m).Select(t => Csv(trainIds[t]) + "\n")));
    }

    /// <summary>The split of <paramref name="data"/> from <c>split.csv</c> under <paramref name="root"/>, or null when
    /// there is none.</summary>
    public static DataSplit? ReadSplit(string root, Dataset data, string dataset, int seed)
    {
        string file = Path.Combine(Folder(root, dataset, seed), SplitFile);
        if (!File.Exists(file)) return null;
        var rowOf = RowOfId(data);
        var part = new int[data.RowCount]; // 0 unseen, 1 train, 2 test, 3 validation
        foreach (var (line, fields) in Rows(file, "id", "part"))
        {
            int row = Lookup(rowOf, fields[0], file, line);
            if (part[row] != 0) throw new UserInputException($"{file}, line {line}: id '{fields[0]}' appears twice");
            part[row] = fields[1] switch
            {
                "train" => 1,
                "test" => 2,
                "validation" => 3,
                var p
                    => throw new
                    UserInputException($"{file}, line {line}: part '{p}' is not train, validation or test"),
            };
        }
        int missing = part.Count(p => p == 0);
        if (missing > 0) throw new UserInputException($"{file}: {missing} of the dataset's {data.RowCount} rows have " +
            "no part (every row needs train or test)");
        var train = Enumerable.Range(0, data.RowCount).Where(r => part[r] == 1).ToArray();
        var test = Enumerable.Range(0, data.RowCount).Where(r => part[r] == 2).ToArray();
        if (train.Length == 0
            || test.Length == 0) throw new UserInputException($"{file}: the split needs train and test rows");
        return new DataSplit(train, Enumerable.Range(0, data.RowCount).Where(r => part[r] == 3).ToArray(), test);
    }

    /// <summary>
    /// The imported randomness of <paramref name="split"/> (each file optional), with the seeded draws for what is not
    /// given; <paramref name="splitImported"/>: <paramref name="dataSplit"/> came from <see cref="ReadSplit"/>.
    /// </summary>
    public static Randomness Read(string root, Dataset data, DataSplit dataSplit, PreparedSplit split,
        IEnumerable<int> sampleSizes, bool splitImported = false,
        Specs.PriorityOrder priorityOrder = Specs.PriorityOrder.HighestFirst)
    {
        string dir = Folder(root, split.Dataset, split.Seed);
        var trainOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int t = 0; t < dataSplit.Train.Length; t++) trainOf[data.Ids[dataSplit.Train[t]]] = t;
        var minority = split.MinorityTrainRows.ToHashSet();

        int[]? order = null;
        string orderFile = Path.Combine(dir, OrderFile);
        if (File.Exists(orderFile))
        {
            order = ReadRows(orderFile, trainOf, minority, "a minority training row").ToArray();
            if (order.Length != minority.Count)
                throw new UserInputException($"{orderFile}: lists {order.Length} rows; the minority has " +
                    $"{minority.Count} training rows, and the order must hold each once");
        }

        double[]? priorities = null;
        string prioritiesFile = Path.Combine(dir, PrioritiesFile);
        if (File.Exists(prioritiesFile))
        {
            priorities = Enumerable.Repeat(double.NaN, split.TrainY.Length).ToArray();
            int count = 0;
            foreach (var (line, fields) in Rows(prioritiesFile, "id", "priority"))
            {
                int t = Lookup(trainOf, fields[0], prioritiesFile, line);
                if (!minority.Contains(t)) throw new UserInputException($"{prioritiesFile}, line {line}: id " +
                    $"'{fields[0]}' is not a minority training row");
                if (!double.IsNaN(priorities[t])) throw new
                    UserInputException($"{prioritiesFile}, line {line}: id '{fields[0]}' appears twice");
                if (!CsvRowReader.TryParseNumber(fields[1], out double p) || !double.IsFinite(p))
                    throw new UserInputException($"{prioritiesFile}, line {line}: priority '{fields[1]}' is not a " +
                        "finite number");
                // Negated when the lowest flips first: Random then flips the same rows in the same order.
                priorities[t] = priorityOrder == Specs.PriorityOrder.LowestFirst ? -p : p;
                count++;
            }
            // Every minority training row, or exactly the candidates (those labelled 0): any collective's pool is
            // among them, and the others' priorities are never read (they stay NaN, as the majority's do).
            int candidates = minority.Count(t => split.TrainY[t] == 0);
            bool candidatesOnly = count == candidates && minority.All(t => split.TrainY[t] == 0
                || double.IsNaN(priorities[t]));
            if (count != minority.Count && !candidatesOnly)
                throw new UserInputException($"{prioritiesFile}: gives {count} priorities; give one for each of the " +
                    $"{minority.Count} minority training rows, or for each of the {candidates} labelled 0 (the " +
                    "candidates Random ranks)");
        }

        var majority = split.MajorityTrainRows.ToHashSet();
        var samples = new Dictionary<int, int[]>();
        foreach (int m in sampleSizes.Distinct())
        {
            string file = Path.Combine(dir, SampleFile(m));
            if (!File.Exists(file)) continue;
            var rows = ReadRows(file, trainOf, majority, "a majority training row").Order().ToArray();
            if (rows.Length != m) throw new
                UserInputException($"{file}: lists {rows.Length} rows; majority_rows = {m} needs {m}");
            samples[m] = rows;
        }
        return Randomness.Of(dataSplit, split, order, priorities, samples, sampleSizes, splitImported);
    }

    private static List<int> ReadRows(string file, Dictionary<string, int> trainOf, HashSet<int> allowed, string what)
    {
        var rows = new List<int>();
        var seen = new HashSet<int>();
        foreach (var (line, fields) in Rows(file, "id"))
        {
            int t = Lookup(trainOf, fields[0], file, line);
            if (!allowed.Contains(t)) throw new
                UserInputException($"{file}, line {line}: id '{fields[0]}' is not {what}");
            if (!seen.Add(t)) throw new UserInputException($"{file}, line {line}: id '{fields[0]}' appears twice");
            rows.Add(t);
        }
        return rows;
    }

    private static Dictionary<string, int> RowOfId(Dataset data)
    {
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < data.RowCount; r++) rowOf[data.Ids[r]] = r;
        return rowOf;
    }

    private static int Lookup(Dictionary<string, int> rowOf, string id, string file, int line) =>
        rowOf.TryGetValue(id,
            out int row) ? row : throw new UserInputException($"{file}, line {line}: unknown id '{id}' (not a row of " +
            "the dataset, or not in its training split)");

    /// <summary>The data lines of a small CSV with the given header (ids are plain or double-quoted), with their line
    /// numbers.</summary>
    private static IEnumerable<(int Line, string[] Fields)> Rows(string file, params string[] header)
    {
        using var reader = Data.Csv.CsvRowReader.Open(file);
        if (!reader.Header.SequenceEqual(header))
            throw new UserInputException($"{file}: the header must be '{string.Join(',', header)}'; got " +
                $"'{string.Join(',', reader.Header)}'");
        while (reader.MoveNext())
            yield return (reader.LineNumber, Enumerable.Range(0, header.Length).Select(reader.String).ToArray());
    }

    private static string Csv(string id) => CsvField.Quote(id);
}
