using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Data;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;

namespace FairCollective.Tests.Experiments;

/// <summary>A cell's key covers every setting that can change its result, exactly.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class CellConfigTests
{
    internal static readonly CellConfig Collective = new()
    {
        Experiment = "e", Dataset = new DatasetIdentity("compas", "c0", "s0"), Learner = "logistic",
        LearnerOptionsJson = LearnerCatalog.OptionsJson("logistic",
            new LearnerSettings()), TestFraction = 0.3, Seed = 0, Method = "RB-dist",
        RandomnessSha256 = "r0",
        MajorityRows = null, Size = CollectiveSize.Share(0.3), Budget = FlipBudget.ShareOfPool(0.0125),
        Strategy = new StrategySettings(),
    };

    internal static readonly CellConfig FirmSide = Collective with
    {
        Method = "FARE",
        MajorityRows = null,
        Size = null,
        Budget = null,
        Strategy = null,
        Knob = 0.5,
        FirmSideOptionsJson = FairCollective.Mitigation.FirmSide.FirmSideCatalog.OptionsJson("FARE", []),
    };

    /// <summary>Changes of value the walk over every setting (<see cref="CellIdentityWalkTests"/>) does not make:
    /// numbers one rounding step apart, other kinds of size and budget, options inside the learner's and the
    /// defence's.</summary>
    public static TheoryData<string> Settings() => new(Changes.Keys);

    private static readonly Dictionary<string, Func<CellConfig>> Changes = new()
    {
        ["learner"] = () => Collective with
        {
            Learner = "mlp",
            LearnerOptionsJson = LearnerCatalog.OptionsJson("mlp",
            new LearnerSettings())
        },
        ["learner c"] = () => Collective with
        {
            LearnerOptionsJson = LearnerCatalog.OptionsJson("logistic",
            new LearnerSettings { C = 0.01 })
        },
        ["alpha"] = () => Collective with { Size = CollectiveSize.Share(0.30000000000000004) },
        ["size kind"] = () => Collective with { Size = CollectiveSize.Members(0) },
        ["budget 0.013"] = () => Collective with { Budget = FlipBudget.ShareOfPool(0.013) },
        ["budget kind"] = () => Collective with { Budget = FlipBudget.Flips(0) },
        ["firm-side knob"] = () => FirmSide with { Knob = 0.75 },
        ["defence"] = ()
            => Collective with { Defence = FairCollective.Mitigation.Defences.DefenceCatalog.Choice("roni") },
        ["defence option"] = ()
            => Collective with
            {
                Defence = FairCollective.Mitigation.Defences.DefenceCatalog.Choice("roni", [("z",
            System.Text.Json.Nodes.JsonValue.Create(2.5))])
            },
        ["plausible"] = () => Collective with { Plausible = 0.5 },
    };

    [Fact]
    public void NoDefenceAndNoThresholdLeaveTheJsonAsItWas()
    {
        // Cells stored before defences existed keep their keys: the new settings are written only when set.
        Assert.DoesNotContain("defence", Collective.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("plausible", Collective.ToJson(), StringComparison.Ordinal);
        Assert.Equal(Collective.Key(),
            (Collective with { Defence = FairCollective.Mitigation.Defences.DefenceChoice.None, Plausible = 0 }).Key());
        var defended = CellConfig.FromJson(Changes["defence option"]().ToJson());
        Assert.Equal("roni", defended.Defence.Name);
        Assert.Equal("roni(z=2.5)", FairCollective.Mitigation.Defences.DefenceCatalog.Label(defended.Defence));
        Assert.Equal(0.5, CellConfig.FromJson(Changes["plausible"]().ToJson()).Plausible);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void ChangingAnySettingChangesTheKey(string setting)
    {
        var changed = Changes[setting]();
        var original = setting == "firm-side knob" ? FirmSide : Collective;
        Assert.NotEqual(original.Key(), changed.Key());
        Assert.NotEqual(original.ToJson(), changed.ToJson());
    }

    [Fact]
    public void EqualConfigurationsShareTheKeyAndTheJsonRoundTrips()
    {
        Assert.Equal(Collective.Key(), (Collective with { }).Key());
        foreach (var config in Changes.Values.Select(f => f()).Append(Collective).Append(FirmSide))
        {
            var back = CellConfig.FromJson(config.ToJson());
            Assert.Equal(config.ToJson(), back.ToJson());
            Assert.Equal(config.Key(), back.Key());
        }
    }

    [Fact]
    public void DisplayTextIsExact()
    {
        Assert.Equal("0.0125 of pool", Collective.BudgetText);
        Assert.Equal("0.013 of pool", (Collective with { Budget = FlipBudget.ShareOfPool(0.013) }).BudgetText);
        Assert.Equal("e / compas / logistic / seed 0 / RB-dist / m = all / alpha=0.3 / 0.0125 of pool",
            Collective.Describe());
        Assert.Equal("e / compas / logistic / seed 0 / FARE / knob 0.5", FirmSide.Describe());
    }

    [Fact]
    public void LearnerOptionsCoverEveryFitSettingButThreadsAndSeed()
    {
        var json = LearnerCatalog.OptionsJson("logistic", new LearnerSettings { C = 0.5 });
        Assert.Contains("\"C\":0.5", json);
        Assert.Contains("\"ChunkRows\":", json);
        Assert.DoesNotContain("MaxDegreeOfParallelism", json);
        Assert.DoesNotContain("\"Seed\"", LearnerCatalog.OptionsJson("mlp", new LearnerSettings()));
        Assert.DoesNotContain("\"Threads\"", LearnerCatalog.OptionsJson("gbt", new LearnerSettings()));
        Assert.Contains("\"Trees\":", LearnerCatalog.OptionsJson("gbt", new LearnerSettings()));
    }
}

/// <summary>Every option of every registered learner is settable by name, checked, and recorded in the cell's
/// configuration.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class LearnerOptionTests
{
    [Fact]
    public void AnyLearnerOptionIsSettableByNameAndRecorded()
    {
        var spec = SpecParser.Parse("name: x\ndatasets: [toy]\nlearners: [mlp, gbt]\nstrategies: [RB-prob]\nalphas: " +
            "[0.5]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n"
            + "learner: {c: 0.5, mlp: {max_epochs: 7, hidden_layer_sizes: [8, 4], early_stopping: false}, gbt: " +
                "{Trees: 25}}\n", "x.yaml");
        var mlp = (FairCollective.Learning.Mlp.MlpTrainer)LearnerCatalog.Create("mlp", spec.Learner, seed: 3);
        Assert.Equal(7, mlp.Options.MaxEpochs);
        Assert.Equal([8, 4], mlp.Options.HiddenLayerSizes);
        Assert.False(mlp.Options.EarlyStopping);
        Assert.Equal(3, mlp.Options.Seed);
        Assert.Contains("\"MaxEpochs\":7", LearnerCatalog.OptionsJson("mlp", spec.Learner));
        Assert.Contains("\"Trees\":25", LearnerCatalog.OptionsJson("gbt", spec.Learner));
        Assert.Contains("\"C\":0.5", LearnerCatalog.OptionsJson("logistic", spec.Learner));
        Assert.NotEqual(LearnerCatalog.OptionsJson("mlp", new LearnerSettings()), LearnerCatalog.OptionsJson("mlp",
            spec.Learner));
        // Every registered learner lists what can be set, and nothing the runner sets itself.
        foreach (var name in LearnerCatalog.Names)
        {
            var options = LearnerCatalog.SettableOptions(name).Select(o => o.Option).ToArray();
            Assert.NotEmpty(options);
            Assert.DoesNotContain("Seed", options);
            Assert.DoesNotContain("MaxDegreeOfParallelism", options);
        }
    }

    [Theory]
    [InlineData("mlp: {max_epoch: 7}", "x.yaml:2:17: mlp: unknown option 'max_epoch' (settable: ")]
    [InlineData("mlp: {max_epochs: many}",
        "x.yaml:2:17: mlp: option 'max_epochs' must be a whole number; got \"many\"")]
    [InlineData("mlp: {max_epochs: -1}", "x.yaml:2:17: mlp: option MaxEpochs must be")]
    [InlineData("mlp: {alpha: 0.01}",
        "x.yaml:2:17: mlp: option 'alpha' is now 'l2_penalty' (did you mean l2_penalty?)")]
    [InlineData("mlp: {l2_penalty: -1}", "x.yaml:2:17: mlp: option l2_penalty must be non-negative")]
    [InlineData("svm: {c: 1}",
        "x.yaml:2:11: unknown learner option 'svm' (c, or one of the learners logistic, mlp, gbt with a mapping of " +
        "its options)")]
    public void ABadLearnerOptionStopsTheParseWithItsLine(string options, string expected)
    {
        var e = Assert.Throws<FairCollective.Common.UserInputException>(() => SpecParser.Parse(
            "name: x\nlearner: {" + options +
                "}\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n",
                "x.yaml"));
        Assert.StartsWith(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}

/// <summary>The strategies score on the counterfactual features by default: the sensitive attribute's columns are left
/// out.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class ScoringSpaceTests
{
    [Fact]
    public void TheSensitiveColumnsAreLeftOutOfTheDefaultScoringSpace()
    {
        var split = FairCollective.Experiments.Running.DatasetResolver.Load(new DatasetChoice("compas")).Prepare(0,
            0.3);
        var names = split.TrainX.ColumnNames!;
        Assert.Equal(names.Select((n, i) => (n, i)).Where(t => t.n.StartsWith("race",
            StringComparison.Ordinal)).Select(t => t.i), split.SensitiveColumns);
        Assert.Equal(2, split.SensitiveColumns.Count); // race: African-American, Caucasian (one-hot)
        var scoring = ScoringFeatures.Of(split, ScoringSpace.Counterfactual);
        Assert.Equal(split.TrainX.Cols - 2, scoring.Cols);
        Assert.DoesNotContain(scoring.ColumnNames!, n => n.StartsWith("race", StringComparison.Ordinal));
        Assert.Same(split.TrainX, ScoringFeatures.Of(split, ScoringSpace.AllFeatures));
        // Every other column is carried over unchanged.
        int kept = 0;
        for (int j = 0; j < split.TrainX.Cols; j++)
        {
            if (split.SensitiveColumns.Contains(j)) continue;
            for (int i = 0; i < split.TrainX.Rows; i += 97) Assert.Equal(split.TrainX.Data[i * split.TrainX.Cols + j],
                scoring.Data[i * scoring.Cols + kept]);
            kept++;
        }
    }

    [Fact]
    public void TheScoringSpaceIsPartOfTheKeyAndOfTheSpec()
    {
        var spec = SpecParser.Parse("name: x\ndatasets: [toy]\nstrategies: [RB-dist]\nalphas: [0.5]\nbudgets: " +
            "{fractions: [0.5]}\nseeds: [0]\nstrategy: {scoring_space: all-features}\n", "x.yaml");
        Assert.Equal(ScoringSpace.AllFeatures, spec.Strategy.ScoringSpace);
        Assert.Contains("\"scoring_space\":\"all-features\"", SpecWriter.Write(spec));
        Assert.Equal(ScoringSpace.Counterfactual, new StrategySettings().ScoringSpace);
    }
}

/// <summary>The encoding of two-level categoricals and the split's strata are documented options of an
/// experiment.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class EncodingAndSplitOptionTests
{
    [Fact]
    public void BinaryCategoricalsCanBeOneColumnAndSplitsStratifiedByLabelAlone()
    {
        var spec = SpecParser.Parse("name: x\ndatasets: [compas]\nstrategies: [RB-prob]\nalphas: [0.3]\nbudgets: " +
            "{fractions: [0.5]}\nseeds: [0]\n"
            + "encoding: {binary: one-column}\nsplit: {stratify: label}\n", "x.yaml");
        Assert.True(spec.BinaryAsOneColumn);
        Assert.Equal(FairCollective.Data.Splitting.Stratification.Label, spec.Stratify);
        var plan = FairCollective.Experiments.Running.RunGrid.Build(spec);
        var split = plan.Splits[("compas", 0)];
        // race (African-American, Caucasian) is one 0/1 column, the indicator of its second level.
        Assert.Equal(["race=Caucasian"], split.SensitiveColumns.Select(j => split.TrainX.ColumnNames![j]));
        var defaults = FairCollective.Experiments.Running.RunGrid.Build(spec with
        {
            BinaryAsOneColumn = false,
            Stratify = FairCollective.Data.Splitting.Stratification.LabelAndGroup
        });
        // Every two-level categorical (race, sex, charge degree) loses one column.
        Assert.Equal(split.TrainX.Cols + 3, defaults.Splits[("compas", 0)].TrainX.Cols);
        Assert.Equal(["race=African-American", "race=Caucasian"], defaults.Splits[("compas",
            0)].SensitiveColumns.Select(j => defaults.Splits[("compas", 0)].TrainX.ColumnNames![j]));
        Assert.NotEqual(split.TrainY, defaults.Splits[("compas", 0)].TrainY);
        // Both are part of the recorded spec and of every key.
        Assert.Contains("\"split\":{\"stratify\":\"label\"},\"encoding\":{\"binary\":\"one-column\"}",
            SpecWriter.Write(spec));
        Assert.Empty(plan.Cells.Select(c => c.Key).Intersect(defaults.Cells.Select(c => c.Key)));
    }

    [Theory]
    [InlineData("encoding: {binary: three}",
        "x.yaml:7:20: unknown encoding.binary 'three' (two-columns or one-column)")]
    [InlineData("split: {stratify: group}", "x.yaml:7:19: unknown split.stratify 'group' (label-group or label)")]
    [InlineData("split: {shuffle: no}", "x.yaml:7:9: unknown split option 'shuffle' (stratify)")]
    public void BadValuesNameTheirLine(string line, string expected) =>
        Assert.Equal(expected, Assert.Throws<FairCollective.Common.UserInputException>(() => SpecParser.Parse(
            "name: x\ndatasets: [compas]\nstrategies: [RB-prob]\nalphas: [0.3]\nbudgets: {fractions: [0.5]}\nseeds: " +
                "[0]\n" + line + "\n", "x.yaml")).Message);
}
