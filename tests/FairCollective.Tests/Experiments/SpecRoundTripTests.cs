using FairCollective.Experiments.Reproduction;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Tests.Cli;

namespace FairCollective.Tests.Experiments;

/// <summary>The spec a store records is a valid spec: parsing it gives the same spec, and running it gives the same
/// cells.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class SpecRoundTripTests : IDisposable
{
    private readonly CliSandbox _box = new();

    public static TheoryData<string, bool> PaperSpecs()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in PaperExperiments.Names) { data.Add(name, true); data.Add(name, false); }
        return data;
    }

    [Theory]
    [MemberData(nameof(PaperSpecs))]
    public void WritingThenParsingIsAFixedPoint(string experiment, bool quick)
    {
        var spec = PaperExperiments.Create(experiment, quick: quick);
        string text = SpecWriter.Write(spec);
        var again = SpecParser.Parse(text, "recorded.json");
        Assert.Equal(text, SpecWriter.Write(again));
        Assert.Equal(spec.Strategy, again.Strategy);
        Assert.Equal(spec.Learner, again.Learner);
        Assert.Equal(spec.Sizes, again.Sizes);
        Assert.Equal(spec.Budgets, again.Budgets);
        Assert.Equal(spec.Seeds, again.Seeds);
    }

    [Fact]
    public void EveryKeyRoundTrips()
    {
        string text = "name: every-key\ndatasets: [toy, synthetic]\nlearners: [logistic, mlp]\nstrategies: [RB-prob, " +
            "RB-dist, Random]\n"
            + "alphas: [0.1, 0.0125]\nmembers: [5, 10]\nbudgets: {fractions: [0, 0.5], counts: [3]}\nmajority_rows: " +
                "[all, 20]\nseeds: {count: 2, from: 7}\n"
            + "test_fraction: 0.25\nstrategy: {tie_rule: row-index, options: {RB-label: {k: 4, scaling: " +
                "all-columns}, RB-prob: {model: mlp}}}\n"
            + "learner: {c: 0.5, mlp: {max_epochs: 5, hidden_layer_sizes: [8]}}\nfirm_side: {FARE: [0.5], " +
                "Reweighing: [0, 1]}\nrounding: half-even\n";
        var spec = SpecParser.Parse(text, "every.yaml");
        string written = SpecWriter.Write(spec);
        Assert.Equal(written, SpecWriter.Write(SpecParser.Parse(written, "recorded.json")));
        Assert.Contains("\"budgets\":{\"fractions\":[0,0.5],\"counts\":[3]}", written);
        Assert.Contains("\"mlp\":{\"hidden_layer_sizes\":[8],\"max_epochs\":5}", written);
        Assert.Contains("\"rounding\":\"half-even\"", written);
        Assert.Equal(FairCollective.Collective.Rounding.HalfEven, SpecParser.Parse(written, "recorded.json").Rounding);
        // The default is not written, so a recorded spec that never set it reads as it did.
        Assert.DoesNotContain("rounding", SpecWriter.Write(SpecParser.Parse(text.Replace("rounding: half-even\n", ""),
            "every.yaml")));
    }

    [Fact]
    public void TheRecordedSpecRerunsToIdenticalCells()
    {
        var csvSpec = _box.UserData("people", specName: "people");
        var spec = _box.Write("orig.yaml",
            $"name: orig\ndatasets: [toy, {{path: people.csv, spec: {Path.GetFileName(csvSpec)}}}]\nstrategies: " +
            "[RB-prob, RB-label]\n"
            + "alphas: [0.3, 0.6]\nbudgets: {fractions: [0.5, 1]}\nmajority_rows: [all, 20]\nseeds: [0, " +
                "1]\nstrategy: {options: {RB-dist: {k: 3}}}\n");
        Assert.Equal(0, CliSandbox.Run("run", spec, "--store", _box.PathOf("a.sqlite")).Exit);
        string recorded;
        using (var a = ResultsStore.Open(_box.PathOf("a.sqlite"),
            StoreAccess.Read)) recorded = a.Runs().Single().SpecJson;
        // The recorded spec runs from anywhere: its dataset paths are absolute.
        var again = Path.Combine(Directory.CreateTempSubdirectory("fc-rerun-").FullName, "recorded.json");
        File.WriteAllText(again, recorded);
        var (exit, _, err) = CliSandbox.Run("run", again, "--store", _box.PathOf("b.sqlite"));
        Assert.True(exit == 0, err);
        Assert.Equal(Export("a.sqlite"), Export("b.sqlite"));
        Directory.Delete(Path.GetDirectoryName(again)!, recursive: true);
    }

    // Every cell with its configuration and metrics, without timings (the only thing allowed to differ).
    private string Export(string store)
    {
        using var s = ResultsStore.Open(_box.PathOf(store), StoreAccess.Read);
        return string.Join("\n", s.Cells().OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
            $"{c.Key} {c.ConfigJson} {c.Flips} {c.PoolSize} {c.ScoringRule} " +
                $"{string.Join(",", c.Metrics.OrderBy(m => m.Key).Select(m => $"{m.Key}={m.Value:R}"))}"));
    }

    public void Dispose() => _box.Dispose();
}

/// <summary>`reproduce` runs any experiment with the learners and datasets asked for.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class ReproduceChoicesTests
{
    [Fact]
    public void LearnersAndDatasetsReachTheSpec()
    {
        var spec = PaperExperiments.Create(PaperExperiments.FlipEfficiency, ["acs-wy", "compas"], quick: true,
            ["logistic", "MLP"]);
        Assert.Equal(["logistic", "mlp"], spec.Learners);
        Assert.Equal(["acs-wy", "compas"], spec.Datasets.Select(d => d.NameOrPath));
        Assert.Equal(["synthetic", "toy"], PaperExperiments.Create(PaperExperiments.Synthetic, ["synthetic", "toy"],
            quick: true).Datasets.Select(d => d.NameOrPath));
    }

    [Fact]
    public void ReproduceRunsTheChosenLearner()
    {
        using var box = new CliSandbox();
        var (exit, output, err) = CliSandbox.Run("reproduce", "toy", "--quick", "--learners", "logistic,gbt",
            "--no-report", "-o", box.PathOf("toy"));
        Assert.True(exit == 0, err);
        using var s = ResultsStore.Open(box.PathOf("toy/results.sqlite"), StoreAccess.Read);
        Assert.Equal(["gbt", "logistic"], s.Cells().Select(c => c.Learner).Distinct().Order());
        Assert.Contains("toy", output);
    }
}

/// <summary>A dataset entry's embeddings reach the loader: Waterbirds-style metadata joined with an id-keyed feature
/// file.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class EmbeddingsInExperimentsTests
{
    [Fact]
    public void AnExperimentRunsOnMetadataWithItsEmbeddings()
    {
        using var box = new CliSandbox();
        var meta = new System.Text.StringBuilder("img_id,img_filename,y,split,place,place_filename\n");
        var emb = new System.Text.StringBuilder("img_id,e0,e1\n");
        for (int i = 1; i <= 300; i++)
        {
            int place = i % 3 == 0 ? 1 : 0, y = (i * 7 + i / 4) % 2;
            meta.Append($"{i},{i}.jpg,{y},0,{place},/x/{i}.jpg\n");
            emb.Append(System.FormattableString.Invariant($"{i},{y + 0.1 * (i % 11)},{place - 0.05 * (i % 7)}\n"));
        }
        box.Write("metadata.csv", meta.ToString());
        box.Write("emb.csv", emb.ToString());
        var spec = box.Write("wb.yaml",
            "name: wb\ndatasets: [{path: metadata.csv, embeddings: emb.csv}]\nstrategies: [RB-prob]\nalphas: " +
            "[0.5]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n");
        var (exit, _, err) = CliSandbox.Run("run", spec);
        Assert.True(exit == 0, err);
        using var s = ResultsStore.Open(box.PathOf("wb.sqlite"), StoreAccess.Read);
        Assert.Equal(2, s.Cells().Count);
        Assert.Contains("\"embeddings\":", s.Runs().Single().SpecJson);
        // A key the entry does not know is an error, not silently ignored.
        var bad = box.Write("bad.yaml",
            "name: bad\ndatasets: [{path: metadata.csv, embedings: emb.csv}]\nstrategies: [RB-prob]\nalphas: " +
            "[0.5]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n");
        Assert.Contains("unknown key 'embedings' in a dataset entry (known: path, name, spec, embeddings)",
            CliSandbox.Run("run", bad).Err);
    }
}
