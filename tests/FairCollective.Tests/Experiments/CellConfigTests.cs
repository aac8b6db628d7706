using FairCollective.Data;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;

namespace FairCollective.Tests.Experiments;

/// <summary>A cell's key covers every setting that can change its result, exactly.</summary>
public class CellConfigTests
{
    private static readonly CellConfig Collective = new()
    {
        Experiment = "e", Dataset = new DatasetIdentity("compas", "c0", "s0"), Learner = "logistic",
        LearnerOptionsJson = LearnerCatalog.OptionsJson("logistic", new LearnerSettings()), TestFraction = 0.3, Seed = 0, Method = "RB-dist",
        MajorityRows = null, Size = CollectiveSize.Share(0.3), Budget = FlipBudget.ShareOfPool(0.0125),
        Strategy = new StrategySettings(),
    };

    private static readonly CellConfig FirmSide = Collective with { Method = "FARE", MajorityRows = null, Size = null, Budget = null, Strategy = null, Knob = 0.5 };

    /// <summary>Each setting changed on its own, with a name for the failure message.</summary>
    public static TheoryData<string> Settings() => new(Changes.Keys);

    private static readonly Dictionary<string, Func<CellConfig>> Changes = new()
    {
        ["experiment"] = () => Collective with { Experiment = "f" },
        ["dataset name"] = () => Collective with { Dataset = Collective.Dataset with { Name = "compas2" } },
        ["dataset content"] = () => Collective with { Dataset = Collective.Dataset with { ContentHash = "c1" } },
        ["dataset spec"] = () => Collective with { Dataset = Collective.Dataset with { SpecHash = "s1" } },
        ["learner"] = () => Collective with { Learner = "mlp", LearnerOptionsJson = LearnerCatalog.OptionsJson("mlp", new LearnerSettings()) },
        ["learner c"] = () => Collective with { LearnerOptionsJson = LearnerCatalog.OptionsJson("logistic", new LearnerSettings { C = 0.01 }) },
        ["test fraction"] = () => Collective with { TestFraction = 0.25 },
        ["seed"] = () => Collective with { Seed = 1 },
        ["method"] = () => Collective with { Method = "RB-label" },
        ["majority rows"] = () => Collective with { MajorityRows = 10 },
        ["alpha"] = () => Collective with { Size = CollectiveSize.Share(0.30000000000000004) },
        ["size kind"] = () => Collective with { Size = CollectiveSize.Members(0) },
        ["budget 0.013"] = () => Collective with { Budget = FlipBudget.ShareOfPool(0.013) },
        ["budget kind"] = () => Collective with { Budget = FlipBudget.Flips(0) },
        ["k"] = () => Collective with { Strategy = Collective.Strategy! with { K = 3 } },
        ["tie rule"] = () => Collective with { Strategy = Collective.Strategy! with { TieRule = TieRule.RowIndex } },
        ["scaling"] = () => Collective with { Strategy = Collective.Strategy! with { Scaling = NeighbourScaling.AllColumnsStandardised } },
        ["rb-prob model"] = () => Collective with { Strategy = Collective.Strategy! with { RbProbModel = "mlp" } },
        ["firm-side knob"] = () => FirmSide with { Knob = 0.75 },
    };

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
        Assert.Equal("e / compas / logistic / seed 0 / RB-dist / m = all / alpha=0.3 / 0.0125 of pool", Collective.Describe());
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
