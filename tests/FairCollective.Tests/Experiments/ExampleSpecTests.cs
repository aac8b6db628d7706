using FairCollective.Experiments.Reproduction;
using FairCollective.Experiments.Specs;

namespace FairCollective.Tests.Experiments;

/// <summary>The documented example specs parse, and each paper experiment's file equals the grid `reproduce`
/// runs.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public class ExampleSpecTests
{
    internal static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "docs", "experiments"))) return Path.Combine(dir.FullName,
                "docs", "experiments");
        throw new DirectoryNotFoundException("docs/experiments");
    }

    [Fact]
    public void EveryExampleParses()
    {
        var files = Directory.GetFiles(Folder(), "*.yaml");
        Assert.True(files.Length >= 6);
        foreach (var f in files) Assert.NotNull(SpecParser.ParseFile(f));
    }

    [Fact]
    public void EveryExamplePlansWithTheFilesItNames()
    {
        // Planning loads every dataset and checks every cell: a missing file or an infeasible grid fails here.
        // Examples on ../shared data are planned when that folder is beside the repository (as in CI).
        foreach (var f in Directory.GetFiles(Folder(), "*.yaml"))
        {
            var spec = SpecParser.ParseFile(f);
            if (spec.Datasets.Any(d => d.NameOrPath.Contains("/shared/", StringComparison.Ordinal)
                && !File.Exists(d.NameOrPath))) continue;
            Assert.True(FairCollective.Experiments.Running.RunGrid.Build(spec).CellCount > 0, f);
        }
    }

    [Fact]
    public void TheImportedRandomnessExampleReproducesTheSeededRunCellByCell()
    {
        var imported = SpecParser.ParseFile(Path.Combine(Folder(), "imported-randomness.yaml"));
        Assert.NotNull(imported.Randomness);
        var seeded = FairCollective.Experiments.Running.RunGrid.Build(imported with { Randomness = null });
        Assert.Equal(seeded.Cells.Select(c => c.Key).Order(),
            FairCollective.Experiments.Running.RunGrid.Build(imported).Cells.Select(c => c.Key).Order());
    }

    [Theory]
    [InlineData(PaperExperiments.CollectiveSize)]
    [InlineData(PaperExperiments.FlipEfficiency)]
    [InlineData(PaperExperiments.LimitedInfo)]
    [InlineData(PaperExperiments.Synthetic)]
    [InlineData(PaperExperiments.FirmSide)]
    [InlineData(PaperExperiments.Countermeasures)]
    public void ExampleFileIsThePublishedGrid(string name)
    {
        var file = SpecParser.ParseFile(Path.Combine(Folder(), name + ".yaml"));
        var builtIn = PaperExperiments.Create(name, file.Datasets.Select(d => d.NameOrPath).ToArray());
        Assert.Equal(builtIn.Name, file.Name);
        Assert.Equal(builtIn.Datasets, file.Datasets);
        Assert.Equal(builtIn.Learners, file.Learners);
        Assert.Equal(builtIn.Strategies, file.Strategies);
        Assert.Equal(builtIn.Sizes, file.Sizes);
        Assert.Equal(builtIn.Budgets, file.Budgets);
        Assert.Equal(builtIn.MajorityRows, file.MajorityRows);
        Assert.Equal(builtIn.Seeds, file.Seeds);
        Assert.Equal(builtIn.TestFraction, file.TestFraction);
        Assert.Equal(builtIn.ValidationFraction, file.ValidationFraction);
        Assert.Equal(builtIn.EffectivePostProcessingFit, file.EffectivePostProcessingFit);
        Assert.Equal(builtIn.Strategy, file.Strategy);
        Assert.Equal(builtIn.Learner, file.Learner);
        Assert.Equal(builtIn.FirmSide.Select(f => (f.Method, string.Join(',', f.Knobs))), file.FirmSide.Select(f
            => (f.Method, string.Join(',', f.Knobs))));
        Assert.Equal(builtIn.Defences, file.Defences);
        Assert.Equal(builtIn.Plausibility, file.Plausibility);
    }
}
