using FairCollective.Collective.Strategies;
using FairCollective.Collective;
using FairCollective.Common;
using FairCollective.Experiments.Specs;

namespace FairCollective.Tests.Experiments;

[Trait(TestKind.Name, TestKind.Unit)]
public class SpecParserTests
{
    private const string Valid = """
        name: demo
        datasets: [compas]
        strategies: [rb-prob, RB-label]
        alphas: {from: 0, to: 0.4, step: 0.1}
        budgets: {fractions: [0, 0.5, 1]}
        majority_rows: [all, 10]
        seeds: {count: 3}
        strategy: {tie_rule: row-index, options: {RB-label: {k: 3}}}
        """;

    [Fact]
    public void ParsesAValidSpec()
    {
        var spec = SpecParser.Parse(Valid);
        Assert.Equal("demo", spec.Name);
        Assert.Equal(["RB-prob", "RB-label"], spec.Strategies);
        Assert.Equal([0, 0.1, 0.2, 0.3, 0.4], spec.Sizes.Select(s => s.Fraction!.Value));
        Assert.Equal([0, 0.5, 1], spec.Budgets.Select(b => b.Fraction!.Value));
        Assert.Equal([null, 10], spec.MajorityRows);
        Assert.Equal([0, 1, 2], spec.Seeds);
        Assert.Equal(3, spec.OptionsOf<NeighbourStrategyOptions>("RB-label").K);
        Assert.Equal(NeighbourStrategyOptions.DefaultK,
            spec.OptionsOf<NeighbourStrategyOptions>("RB-dist").K); // RB-label's k is RB-label's
        Assert.Equal(TieRule.RowIndex, spec.Strategy.TieRule);
        Assert.Equal(["logistic"], spec.Learners);
    }

    [Fact]
    public void JsonIsAccepted()
    {
        var spec = SpecParser.Parse("""
            {"datasets": ["adult"], "strategies": ["Random"], "members": [5, 10], "budgets": {"counts": [0, 3]},
             "seeds": [7]}
            """, "x.json");
        Assert.Equal([5, 10], spec.Sizes.Select(s => s.Count!.Value));
        Assert.Equal([0, 3], spec.Budgets.Select(b => b.Count!.Value));
        Assert.Equal("x", spec.Name);
    }

    [Theory]
    [InlineData("strategies: [RB-prob, RB-magic]", "unknown strategy 'RB-magic'")]
    [InlineData("alphas: [0.1, 1.5]", "alpha 1.5 lies outside [0, 1]")]
    [InlineData("alphas: [-0.1]", "outside [0, 1]")]
    [InlineData("budgets: {fractions: [2]}", "must lie in [0, 1]")]
    [InlineData("budgets: {percent: [2]}", "unknown budget kind 'percent'")]
    [InlineData("seeds: [1, 1]", "seeds repeat")]
    [InlineData("majority_rows: [some]", "majority_rows entries are 'all' or a positive whole number")]
    [InlineData("strategy: {options: {RB-label: {k: 0}}}", "strategy 'RB-label': option k must be at least 1; got 0")]
    [InlineData("strategy: {k: 3}",
        "strategy.k is now each neighbour strategy's own option (did you mean strategy.options.RB-label.k and " +
        "strategy.options.RB-dist.k?)")]
    [InlineData("strategy: {rb_prob_model: mlp}",
        "strategy.rb_prob_model is now RB-prob's own option, also read by the plausible-flips threshold (did you " +
        "mean strategy.options.RB-prob.model?)")]
    [InlineData("strategy: {options: {RB-prob: {model: svm}}}",
        "strategy 'RB-prob': unknown model 'svm' (known: logistic, mlp, gbt")]
    [InlineData("strategy: {options: {Random: {k: 3}}}", "strategy 'Random' has no options of its own")]
    [InlineData("strategy: {tie_rule: coin}", "unknown tie_rule 'coin'")]
    [InlineData("colour: red", "unknown key 'colour'")]
    public void InvalidSpecsGiveOneLineMessagesWithTheLine(string replacement, string expected)
    {
        string key = replacement[..replacement.IndexOf(':')];
        var lines = Valid.Split('\n').Where(l => !l.StartsWith(key + ":",
            StringComparison.Ordinal)).Append(replacement);
        var e = Assert.Throws<UserInputException>(() => SpecParser.Parse(string.Join('\n', lines), "my.yaml"));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("my.yaml:", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void MissingRequiredKeyIsNamed()
    {
        var e = Assert.Throws<UserInputException>(()
            => SpecParser.Parse("datasets: [compas]\nalphas: [0]\nbudgets: {counts: [0]}\nseeds: [0]"));
        Assert.Contains("missing key 'strategies'", e.Message);
    }

    [Fact]
    public void SizesAreAlphasAndOrMembersButNotNeither()
    {
        var both = SpecParser.Parse(Valid + "\nmembers: [3]");
        Assert.Contains(FairCollective.Collective.CollectiveSize.Members(3), both.Sizes);
        Assert.Contains(both.Sizes, s => s.Fraction is not null);
        var e = Assert.Throws<UserInputException>(()
            => SpecParser.Parse(Valid.Replace("alphas: {from: 0, to: 0.4, step: 0.1}\n", "")));
        Assert.Equal("spec: give the collective sizes as 'alphas' (shares of the minority in [0, 1]) and/or " +
            "'members' (counts)", e.Message);
    }

    [Fact]
    public void BrokenYamlNamesLineAndColumn()
    {
        var e = Assert.Throws<UserInputException>(() => SpecParser.Parse("datasets: [compas\nseeds: [0]", "bad.yaml"));
        Assert.StartsWith("bad.yaml:", e.Message);
    }

    [Fact]
    public void MissingFileIsAUserError() =>
        Assert.Contains("does not exist", Assert.Throws<UserInputException>(()
            => SpecParser.ParseFile("/nonexistent/spec.yaml")).Message);

    // 50,000 levels: enough to overflow the stack of a recursive parser, which would kill the test host.
    private const int Deep = 50_000;

    [Fact]
    public void DeeplyNestedJsonIsRefusedBeforeParsing()
    {
        string json = "{\"datasets\": " + new string('[', Deep) + new string(']', Deep) + "}";
        var e = Assert.Throws<UserInputException>(() => SpecParser.Parse(json, "deep.json"));
        Assert.Equal("deep.json: nesting deeper than 64 levels at line 1, column 77 (the limit for a spec document)",
            e.Message);
    }

    [Fact]
    public void DeeplyNestedBlockAndFlowYamlAreRefusedBeforeParsing()
    {
        string block = "name: deep\ndatasets:\n" + string.Concat(Enumerable.Repeat("- ", Deep)) + "compas\n";
        var e = Assert.Throws<UserInputException>(() => SpecParser.Parse(block, "deep.yaml"));
        Assert.Equal("deep.yaml: nesting deeper than 64 levels at line 3, column 127 (the limit for a spec document)",
            e.Message);

        string flow = "strategy: " + string.Concat(Enumerable.Repeat("{k: ", Deep)) + "1" + new string('}',
            Deep) + "\n";
        e = Assert.Throws<UserInputException>(() => SpecParser.Parse(flow, "flow.yaml"));
        Assert.Equal("flow.yaml: nesting deeper than 64 levels at line 1, column 263 (the limit for a spec document)",
            e.Message);
    }

    [Fact]
    public void NestingUpToTheLimitReachesTheUsualChecks()
    {
        // The root mapping is level 1, so 63 brackets make 64 levels: allowed, and rejected for what it means.
        string json = "{\"datasets\": " + new string('[', SpecDocument.MaxDepth - 1) + new string(']',
            SpecDocument.MaxDepth - 1) + "}";
        var e = Assert.Throws<UserInputException>(() => SpecParser.Parse(json, "ok.json"));
        Assert.DoesNotContain("nesting", e.Message);
        Assert.Contains("nesting deeper than 64 levels", Assert.Throws<UserInputException>(()
            => SpecParser.Parse(json.Replace("[]", "[[]]"), "ok.json")).Message);
    }

    [Fact]
    public void OversizedSpecFileIsRefusedBeforeReading()
    {
        string path = Path.Combine(Path.GetTempPath(), $"fc-big-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, "name: big\n#" + new string('x', (int)SpecDocument.MaxBytes) + "\n");
            var e = Assert.Throws<UserInputException>(() => SpecParser.ParseFile(path));
            Assert.Equal($"{path}: 1,048,588 bytes exceed the limit of 1,048,576 bytes (1 MiB) for a spec document",
                e.Message);
            e = Assert.Throws<UserInputException>(() => SpecParser.Parse(File.ReadAllText(path), "big.yaml"));
            Assert.Equal("big.yaml: 1,048,588 bytes exceed the limit of 1,048,576 bytes (1 MiB) for a spec document",
                e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DefencesAreAListAMappingOrAMix()
    {
        const string head =
            "name: d\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n";
        Assert.Equal([FairCollective.Mitigation.Defences.DefenceChoice.None], SpecParser.Parse(head).Defences);
        Assert.Equal([0.0], SpecParser.Parse(head).Plausibility);
        var mapping = SpecParser.Parse(head +
            "defences: {none: , knn-sanitisation: {k: 5}, roni: }\nplausible: [0, 0.3]");
        Assert.Equal(["none", "knn-sanitisation(k=5)", "roni"],
            mapping.Defences.Select(FairCollective.Mitigation.Defences.DefenceCatalog.Label));
        Assert.Equal([0, 0.3], mapping.Plausibility);
        var mixed = SpecParser.Parse(head + "defences: [none, knn-sanitisation, {knn-sanitisation: {eta: 0.5}}]");
        Assert.Equal(["none", "knn-sanitisation", "knn-sanitisation(eta=0.5)"],
            mixed.Defences.Select(FairCollective.Mitigation.Defences.DefenceCatalog.Label));
        // Written back, the spec reads as the same spec.
        var again = SpecParser.Parse(SpecWriter.Write(mixed));
        Assert.Equal(mixed.Defences, again.Defences);
        Assert.Equal(mixed.Plausibility, again.Plausibility);
    }
}
