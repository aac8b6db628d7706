using FairCollective.Collective.Strategies;
using FairCollective.Experiments.Specs;

namespace FairCollective.Tests.Experiments;

/// <summary>
/// Every setting of the strategies' shared record, found by reflection (no hand list), reaches every written form
/// through the one codec: changing it changes the written spec, the written spec parses back to it, and the store's
/// settings name it as the difference.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class SettingsCodecTests
{
    private static readonly ExperimentSpec Base = SpecParser.Parse(
        "name: x\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n",
            "x.yaml");

    public static TheoryData<string> Fields() => new(SettingsCodec.Fields(typeof(StrategySettings)).Select(f
        => f.Name));

    /// <summary>The default settings with <paramref name="field"/> set to another valid value.</summary>
    private static StrategySettings Changed(string field)
    {
        var property = typeof(StrategySettings).GetProperty(field)!;
        var settings = new StrategySettings();
        object other = property.GetValue(settings) switch
        {
            int i => i + 1,
            Enum e => Enum.GetValues(e.GetType()).Cast<object>().First(v => !v.Equals(e)),
            string => FairCollective.Learning.Catalog.LearnerCatalog.Mlp,
            var v => throw new InvalidOperationException($"StrategySettings.{field}: no other value known for " +
                $"{v?.GetType().Name}; add one here"),
        };
        var copy = settings with { };
        property.SetValue(copy, other);
        return copy;
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void ChangingTheSettingChangesTheWrittenSpecWhichParsesBackToIt(string field)
    {
        var changed = Base with { Strategy = Changed(field) };
        string written = SpecWriter.Write(changed);
        Assert.NotEqual(SpecWriter.Write(Base), written);
        Assert.Equal(changed.Strategy, SpecParser.Parse(written, "written.json").Strategy);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void TheStoredFormReadsBackAndNamesTheDifference(string field)
    {
        var changed = Changed(field);
        using var doc = System.Text.Json.JsonDocument.Parse(SettingsCodec.ToNode(changed, spec: false).ToJsonString());
        Assert.Equal(changed, SettingsCodec.FromStored<StrategySettings>(doc.RootElement));
        Assert.StartsWith($"strategy.{SettingsCodec.Key(typeof(StrategySettings).GetProperty(field)!)} is ",
            SettingsCodec.FirstDifference(new StrategySettings(), changed, "strategy"));
    }

    [Fact]
    public void SpecsWriteEnumsAsTheyAreTyped() =>
        Assert.Equal("""{"tie_rule":"seeded-random","scoring_space":"counterfactual"}""",
            SettingsCodec.ToNode(new StrategySettings(), spec: true).ToJsonString());
}
