using System.Reflection;
using System.Text.Json.Nodes;
using FairCollective.Collective.Strategies;
using FairCollective.Common;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.Defences;
using FairCollective.Mitigation.FirmSide;

namespace FairCollective.Tests.Experiments;

/// <summary>
/// Every option of every registered strategy, learner, defence and firm-side method, found by walking the catalogs (no
/// hand list):
/// set in a spec to another valid value, it changes the written spec and the cell's key, and the written spec parses
/// back to a spec that writes the same text. An option added to any options record is walked with no change here.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class ComponentOptionWalkTests
{
    private const string Grid = "name: x\ndatasets: [toy]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n";

    /// <summary>(kind, component, option) for every settable option of every registered component.</summary>
    public static TheoryData<string, string, string> Options()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var entry in StrategyCatalog.Entries.Where(e => e.Origin is null))
            foreach (var (option, _) in StrategyCatalog.SettableOptions(entry.Name)) data.Add("strategy", entry.Name,
                option);
        foreach (var name in LearnerCatalog.Entries.Where(e => e.Origin is null).Select(e => e.Name))
            foreach (var (option, _) in LearnerCatalog.SettableOptions(name)) data.Add("learner", name, option);
        foreach (var name in DefenceCatalog.Entries.Where(e => e.Origin is null).Select(e => e.Name))
            foreach (var (option, _) in DefenceCatalog.SettableOptions(name)) data.Add("defence", name, option);
        foreach (var name in FirmSideCatalog.Entries.Where(e => e.Origin is null).Select(e => e.Name))
            foreach (var (option, _) in FirmSideCatalog.SettableOptions(name)) data.Add("firm-side", name, option);
        return data;
    }

    [Fact]
    public void TheWalkFindsTheOptionsOfEveryKind()
    {
        var rows = Options().Select(r => ((string)r[0], (string)r[1], (string)r[2])).ToArray();
        Assert.Contains(("strategy", "RB-label", "K"), rows);
        Assert.Contains(("strategy", "RB-dist", "Scaling"), rows);
        Assert.Contains(("strategy", "RB-prob", "Model"), rows);
        Assert.DoesNotContain(rows, r => r.Item2 is "Random" or "Oracle");
        Assert.Contains(rows, r => r.Item1 == "learner" && r.Item2 == "mlp");
        Assert.Contains(rows, r => r.Item1 == "defence" && r.Item2 == "roni");
        Assert.Contains(("firm-side", "FARE", "MaxLeaves"), rows);
        Assert.Contains(("firm-side", "Steering-EF-Affirmative-Full", "MaxIterations"), rows);
        Assert.DoesNotContain(rows, r => r.Item1 == "firm-side"
            && r.Item3 is "FairnessWeight" or "Interpolation" or "Tolerance" or "Strength" or "Mode" or
                "CostConstraint");
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void ChangingTheOptionChangesTheSpecAndTheKeyAndTheSpecRoundTrips(string kind, string component,
        string option)
    {
        var (defaultSpec, defaultCell) = SpecAndCell(kind, component, null);
        var (spec, cell) = Candidates(kind, component, option)
            .Select(v => TryParse(kind, component, (option, v)) ?? default).FirstOrDefault(t => t.Spec is not null);
        Assert.True(spec is not null,
            $"{kind} '{component}' option '{option}': no other value the component accepts was found; add one to " +
            "Candidates");
        string written = SpecWriter.Write(spec);
        Assert.NotEqual(SpecWriter.Write(defaultSpec), written);
        Assert.Equal(written, SpecWriter.Write(SpecParser.Parse(written, "written.json")));
        Assert.NotEqual(defaultCell.Key(), cell.Key());
        Assert.Contains(option, cell.ToJson(), StringComparison.OrdinalIgnoreCase);
    }

    private static (ExperimentSpec Spec, CellConfig Cell)? TryParse(string kind, string component, (string Option,
        JsonNode Value) given)
    {
        try
        {
            return SpecAndCell(kind, component, given);
        }
        catch (UserInputException)
        {
            return null; // a value outside what the component accepts: try the next
        }
    }

    /// <summary>A spec using <paramref name="component"/> with one option set (or none), and one of its
    /// cells.</summary>
    private static (ExperimentSpec Spec, CellConfig Cell) SpecAndCell(string kind, string component, (string Option,
        JsonNode Value)? given)
    {
        string set = given is { } g ? $"{{{g.Option}: {g.Value.ToJsonString()}}}" : "{}";
        string text = kind switch
        {
            "strategy"
                => Grid +
                $"strategies: [{component}]\nlearners: [logistic]\nstrategy: {{options: {{{component}: {set}}}}}\n",
            "learner" => Grid + $"strategies: [Random]\nlearners: [{component}]\nlearner: {{{component}: {set}}}\n",
            "firm-side"
                => Grid +
                $"strategies: [Random]\nlearners: [logistic]\nfirm_side: {{{component}: {{options: {set}}}}}\n",
            _ => Grid + $"strategies: [Random]\nlearners: [logistic]\ndefences: [{{{component}: {set}}}]\n",
        };
        var spec = SpecParser.Parse(text, "walk.yaml");
        string strategy = spec.Strategies[0], learner = spec.Learners[0];
        if (kind == "firm-side")
            return (spec, CellConfigTests.FirmSide with
            {
                Method = spec.FirmSide[0].Method,
                FirmSideOptionsJson = spec.FirmSide[0].OptionsJson
            });
        var cell = CellConfigTests.Collective with
        {
            Method = strategy,
            StrategyOptionsJson = spec.StrategyOptionsJson(strategy),
            Learner = learner,
            LearnerOptionsJson = LearnerCatalog.OptionsJson(learner, spec.Learner),
            Defence = spec.Defences[0],
        };
        return (spec, cell);
    }

    /// <summary>Other values to try for the option, in order: the first the component accepts is used.</summary>
    private static IEnumerable<JsonNode> Candidates(string kind, string component, string option)
    {
        var (defaults, type) = kind switch
        {
            "strategy" => Typed(StrategyCatalog.SettableOptions(component),
                StrategyCatalog.Get(component).Defaults!.GetType(), option),
            "learner" => Typed(LearnerCatalog.SettableOptions(component), LearnerCatalog.Get(component).Defaults(0,
                1).GetType(), option),
            "firm-side" => Typed(FirmSideCatalog.SettableOptions(component),
                FirmSideCatalog.Entry(component).Defaults!.GetType(), option),
            _ => Typed(DefenceCatalog.SettableOptions(component), DefenceCatalog.Get(component).Defaults().GetType(),
                option),
        };
        var node = JsonNode.Parse(defaults);
        switch (node)
        {
            case JsonValue v when v.TryGetValue(out bool b):
                yield return JsonValue.Create(!b);
                break;
            case JsonValue v when v.TryGetValue(out int i):
                foreach (int other in new[] { i + 1, i * 2, i - 1, 0 }.Where(o
                    => o != i)) yield return JsonValue.Create(other);
                break;
            case JsonValue v when v.TryGetValue(out double d):
                foreach (double other in new[] { d * 0.5, d == 0 ? 0.5 : d * 2, d + 1, 0.25 }.Where(o
                    => o != d)) yield return JsonValue.Create(other);
                break;
            case JsonValue v when v.TryGetValue(out string? s):
                var enumType = type is not null && (Nullable.GetUnderlyingType(type)
                    ?? type).IsEnum ? Nullable.GetUnderlyingType(type) ?? type : null;
                var names = enumType is not null
                    ? Enum.GetValues(enumType).Cast<Enum>().Select(e => SettingsCodec.SpecName(e))
                    : LearnerCatalog.Names.Concat(StrategyCatalog.Names);
                foreach (var other in names.Where(n => n != s)) yield return JsonValue.Create(other)!;
                break;
            case JsonArray a when a.Count > 0 && a[0] is JsonValue first && first.TryGetValue(out int head):
                var longer = a.DeepClone().AsArray();
                longer[0] = head + 1;
                yield return longer;
                break;
        }
    }

    private static (string Default, Type? Type) Typed(IReadOnlyList<(string Option, string Default)> settable,
        Type owner, string option) =>
        (settable.Single(o => o.Option == option).Default,
         owner.GetProperty(option,
             BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType);
}
