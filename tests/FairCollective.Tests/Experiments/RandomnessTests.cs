using System.Globalization;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Store;
using FairCollective.Tests.Cli;

namespace FairCollective.Tests.Experiments;

/// <summary>Every random choice can be exported and imported by row id; a round trip gives the same cells, byte for
/// byte.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class RandomnessTests : IDisposable
{
    private readonly CliSandbox _box = new();

    private const string Grid = "strategies: [RB-prob, RB-dist, Random]\nalphas: [0.3, 0.6]\nbudgets: {fractions: " +
        "[0.5, 1]}\nmajority_rows: [all, 20]\nseeds: [0, 1]\nstrategy: {options: {RB-dist: {k: 3}}}\n";

    private static void Ok(params string[] args)
    {
        var (exit, _, err) = CliSandbox.Run(args);
        Assert.True(exit == 0, err);
    }

    // Every cell with its configuration and results, timings left out (the only thing allowed to differ).
    private string Export(string store)
    {
        using var s = ResultsStore.Open(_box.PathOf(store), StoreAccess.Read);
        return string.Join("\n", s.Cells().OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
            $"{c.Key} {c.ConfigJson} {c.Members} {c.Flips} {c.PoolSize} {c.ScoringRule} " +
                $"{string.Join(",", c.Metrics.OrderBy(m => m.Key).Select(m => $"{m.Key}={m.Value:R}"))}"));
    }

    [Fact]
    public void AnExportedRandomnessImportedBackGivesByteIdenticalCells()
    {
        var data = _box.UserData("people", specName: "people");
        string datasets = $"datasets: [toy, {{path: people.csv, spec: {Path.GetFileName(data)}}}]\n";
        Ok("run", _box.Write("a.yaml", "name: rt\n" + datasets + Grid), "--store", _box.PathOf("a.sqlite"),
            "--export-randomness", _box.PathOf("draws"));
        foreach (var file in new[] { "split.csv", "collective_order.csv", "random_priorities.csv",
            "majority_sample_m20.csv" })
            Assert.True(File.Exists(Path.Combine(RandomnessFiles.Folder(_box.PathOf("draws"), "people", 1), file)),
                file);
        Ok("run", _box.Write("b.yaml", "name: rt\n" + datasets + Grid + "randomness: draws\n"), "--store",
            _box.PathOf("b.sqlite"));
        Assert.Equal(Export("a.sqlite"), Export("b.sqlite"));
    }

    [Fact]
    public void PrioritiesOfTheCandidatesAloneRankedLowestFirstFlipTheSameRows()
    {
        const string grid = "strategies: [Random]\nalphas: [0.3, 0.6]\nbudgets: {fractions: [0.25, 0.5, 1]}\n" +
            "seeds: [0, 1]\nbootstrap: {resamples: 0}\n";
        Ok("run", _box.Write("a.yaml", "name: rt\ndatasets: [toy]\n" + grid), "--store", _box.PathOf("a.sqlite"),
            "--export-randomness", _box.PathOf("draws"));
        // Another implementation's export: priorities for the candidates only (minority training rows labelled 0),
        // where the lowest flips first: FairCollective's priorities of those rows, negated.
        var toy = FairCollective.Data.Sources.DatasetCatalog.Load("toy");
        var labelOf = toy.Ids.Select((id, row) => (id, row)).ToDictionary(x => x.id, x => toy.Labels[x.row]);
        foreach (int seed in new[] { 0, 1 })
        {
            string file = Path.Combine(RandomnessFiles.Folder(_box.PathOf("draws"), "toy", seed),
                RandomnessFiles.PrioritiesFile);
            var rows = File.ReadAllLines(file).Skip(1).Select(l => l.Split(','))
                .Where(f => labelOf[f[0]] == 0)
                .Select(f => $"{f[0]},{(-double.Parse(f[1], CultureInfo.InvariantCulture)).ToString("R",
                    CultureInfo.InvariantCulture)}");
            File.WriteAllLines(file, ["id,priority", .. rows]);
        }
        Ok("run", _box.Write("b.yaml", "name: rt\ndatasets: [toy]\n" + grid +
            "randomness: {folder: draws, priorities: lowest-first}\n"), "--store", _box.PathOf("b.sqlite"),
            "--export-randomness", _box.PathOf("again"));
        using var a = ResultsStore.Open(_box.PathOf("a.sqlite"), StoreAccess.Read);
        using var b = ResultsStore.Open(_box.PathOf("b.sqlite"), StoreAccess.Read);
        string Outcomes(ResultsStore s) => string.Join("\n", s.Cells().Where(c => c.Method == "Random")
            .OrderBy(c => (c.Seed, c.Alpha, c.Budget)).Select(c => $"{c.Seed} {c.Alpha:R} {c.Budget} {c.Flips} " +
                string.Join(",", c.Metrics.OrderBy(m => m.Key,
                    StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value:R}"))));
        Assert.Equal(Outcomes(a), Outcomes(b));
        Assert.Contains(a.Cells(), c => c.Method == "Random" && c.Flips > 0);
        // The priorities are part of the cells' randomness: the keys differ (the labelled-1 rows have none now).
        Assert.Empty(a.Cells().Where(c => c.Method == "Random").Select(c => c.Key)
            .Intersect(b.Cells().Where(c => c.Method == "Random").Select(c => c.Key)));
        // Its export writes the candidates' priorities as Random ranks them (highest first), which import back.
        string again = Path.Combine(RandomnessFiles.Folder(_box.PathOf("again"), "toy", 0),
            RandomnessFiles.PrioritiesFile);
        Assert.All(File.ReadAllLines(again).Skip(1), l => Assert.Equal(0, labelOf[l.Split(',')[0]]));
    }

    [Fact]
    public void AnotherImplementationsDrawsAreUsedAndChangeTheCells()
    {
        Ok("run", _box.Write("a.yaml", "name: rt\ndatasets: [toy]\n" + Grid), "--store", _box.PathOf("a.sqlite"),
            "--export-randomness", _box.PathOf("draws"));
        // Reverse the collective order of seed 0: a different collective, so different cells (and keys) for that seed.
        string order = Path.Combine(RandomnessFiles.Folder(_box.PathOf("draws"), "toy", 0), RandomnessFiles.OrderFile);
        var lines = File.ReadAllLines(order);
        File.WriteAllLines(order, lines.Take(1).Concat(lines.Skip(1).Reverse()));
        Ok("run", _box.Write("b.yaml", "name: rt\ndatasets: [toy]\n" + Grid + "randomness: draws\n"), "--store",
            _box.PathOf("b.sqlite"));
        using var a = ResultsStore.Open(_box.PathOf("a.sqlite"), StoreAccess.Read);
        using var b = ResultsStore.Open(_box.PathOf("b.sqlite"), StoreAccess.Read);
        var seed1A = a.Cells().Where(c => c.Seed == 1).Select(c => c.Key).Order().ToArray();
        Assert.Equal(seed1A, b.Cells().Where(c => c.Seed == 1).Select(c => c.Key).Order());
        var seed0Collective = b.Cells().Where(c => c.Seed == 0 && c.Method != "Base").Select(c => c.Key).ToHashSet();
        Assert.DoesNotContain(a.Cells().Where(c => c.Seed == 0 && c.Method != "Base"), c
            => seed0Collective.Contains(c.Key));
        // Importing into the store of the seeded run is refused: one experiment, one randomness.
        var (exit, _, err) = CliSandbox.Run("run", _box.PathOf("b.yaml"), "--store", _box.PathOf("a.sqlite"));
        Assert.Equal(2, exit);
        Assert.Contains("the randomness of toy/seed 0/m ", err);
        Assert.Contains("(split, collective order, Random priorities or majority sample) differs", err);
    }

    [Theory]
    [InlineData("collective_order.csv", "id\nunknown-id\n", "collective_order.csv, line 2: unknown id 'unknown-id'")]
    [InlineData("collective_order.csv", "id\n", "collective_order.csv: lists 0 rows; the minority has")]
    [InlineData("random_priorities.csv", "id,priority\n",
        "random_priorities.csv: gives 0 priorities; give one for each of the ")]
    [InlineData("majority_sample_m20.csv", "id\n",
        "majority_sample_m20.csv: lists 0 rows; majority_rows = 20 needs 20")]
    [InlineData("split.csv", "id,part\n",
        "split.csv: 200 of the dataset's 200 rows have no part (every row needs train or test)")]
    [InlineData("split.csv", "part,id\n", "split.csv: the header must be 'id,part'; got 'part,id'")]
    public void ABadImportIsRefusedNamingFileAndLine(string file, string content, string expected)
    {
        var spec = Exported();
        File.WriteAllText(Path.Combine(RandomnessFiles.Folder(_box.PathOf("draws"), "toy", 0), file), content);
        var (exit, _, err) = CliSandbox.Run("run", spec, "--store", _box.PathOf("b.sqlite"));
        Assert.Equal(2, exit);
        Assert.Contains(expected, err);
        Assert.False(File.Exists(_box.PathOf("b.sqlite")));
    }

    /// <summary>Exports the toy grid's draws into draws/ and returns the spec that imports them (not yet
    /// run).</summary>
    private string Exported()
    {
        Ok("run", _box.Write("a.yaml", "name: rt\ndatasets: [toy]\n" + Grid), "--store", _box.PathOf("a.sqlite"),
            "--no-report", "--export-randomness", _box.PathOf("draws"));
        return _box.Write("b.yaml", "name: rt2\ndatasets: [toy]\n" + Grid + "randomness: draws\n");
    }

    [Theory]
    [InlineData("toy", "Toy",
        "'Toy' is not used by this spec (a randomness folder holds only what the run imports: a folder per dataset " +
        "of the spec, named exactly as the dataset: toy)")]
    [InlineData("toy", "compas",
        "'compas' is not used by this spec (a randomness folder holds only what the run imports: a folder per " +
        "dataset of the spec, named exactly as the dataset: toy)")]
    [InlineData("toy/seed-1", "toy/seed-7",
        "'toy/seed-7' is not used by this spec (a randomness folder holds only what the run imports: in a dataset's " +
        "folder, a folder per seed of the spec: seed-0, seed-1)")]
    [InlineData("toy/seed-0/split.csv", "toy/seed-0/splits.csv",
        "'toy/seed-0/splits.csv' is not used by this spec (a randomness folder holds only what the run imports: in a " +
        "seed's folder, the files of the split, collective order, Random priorities and the spec's majority_rows " +
        "samples: split.csv, collective_order.csv, random_priorities.csv, majority_sample_m20.csv)")]
    [InlineData("toy/seed-0/majority_sample_m20.csv", "toy/seed-0/majority_sample_m30.csv",
        "'toy/seed-0/majority_sample_m30.csv' is not used by this spec")]
    public void AnEntryTheSpecDoesNotUseIsRefusedNamingItAndWhatIsExpected(string from, string to, string expected)
    {
        var spec = Exported();
        string a = _box.PathOf(Path.Combine("draws", from)), b = _box.PathOf(Path.Combine("draws", to));
        if (Directory.Exists(a)) Directory.Move(a, b);
        else File.Move(a, b);
        var (exit, _, err) = CliSandbox.Run("run", spec, "--store", _box.PathOf("b.sqlite"));
        Assert.Equal(2, exit);
        Assert.StartsWith($"error: randomness folder '{_box.PathOf("draws")}': {expected}", err,
            StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(File.Exists(_box.PathOf("b.sqlite")));
    }

    [Fact]
    public void AFolderThatGivesTheRunNothingIsRefused()
    {
        var spec = Exported();
        Directory.Delete(_box.PathOf("draws/toy"), recursive: true);
        var (exit, _, err) = CliSandbox.Run("run", spec, "--store", _box.PathOf("b.sqlite"));
        Assert.Equal(2, exit);
        Assert.StartsWith($"error: randomness folder '{_box.PathOf("draws")}' gives this run nothing: it holds no " +
            "file for the spec's datasets and seeds", err);
        Assert.False(File.Exists(_box.PathOf("b.sqlite")));
    }

    [Fact]
    public void APartialImportSaysAndRecordsWhatWasImportedAndWhatDrawn()
    {
        var spec = Exported();
        // Seed 0 keeps only its split; seed 1 keeps everything.
        foreach (var file in new[] { RandomnessFiles.OrderFile, RandomnessFiles.PrioritiesFile,
            RandomnessFiles.SampleFile(20) })
            File.Delete(Path.Combine(RandomnessFiles.Folder(_box.PathOf("draws"), "toy", 0), file));
        var (exit, output, err) = CliSandbox.Run("run", spec, "--store", _box.PathOf("b.sqlite"), "--no-report");
        Assert.True(exit == 0, err);
        string seed0 = "dataset 'toy', seed 0: imported split; drawn from the seed: collective order, Random " +
            "priorities, majority sample m=20";
        string seed1 =
            "dataset 'toy', seed 1: imported split, collective order, Random priorities, majority sample m=20";
        Assert.Contains($"randomness from {_box.PathOf("draws")}: {seed0}\n", output, StringComparison.Ordinal);
        Assert.Contains($"randomness from {_box.PathOf("draws")}: {seed1}\n", output, StringComparison.Ordinal);
        using var s = ResultsStore.Open(_box.PathOf("b.sqlite"), StoreAccess.Read);
        var environment = System.Text.Json.JsonDocument.Parse(s.Runs().Single().EnvironmentJson).RootElement;
        Assert.Equal($"{seed0}; {seed1}", environment.GetProperty("randomness").GetString());
        // The export was of the seeded draws, so every part, imported or drawn, is the seeded one: the same results.
        Assert.Equal(Values("a.sqlite"), Values("b.sqlite"));
    }

    // Each cell's grid point and results, without its experiment's name (which is part of its key).
    private string Values(string store)
    {
        using var s = ResultsStore.Open(_box.PathOf(store), StoreAccess.Read);
        return string.Join("\n",
            s.Cells().Select(c => $"{c.Method} {c.Seed} {c.MajorityRows} {c.Alpha:R} {c.Budget} {c.Flips} " +
            $"{string.Join(",", c.Metrics.OrderBy(m => m.Key).Select(m => $"{m.Key}={m.Value:R}"))}")
            .Order(StringComparer.Ordinal));
    }

    public void Dispose() => _box.Dispose();
}
